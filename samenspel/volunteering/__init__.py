"""Volunteers of a support point: the public "help as a volunteer" page, sign-up, intake, trial, role, thanks.

Volunteers are people who chose to be known to the support point (001:2092-2268): unlike the members of a peer group,
they are stored, with their consent and for one purpose (being matched to volunteer work and kept in touch), and
only what is used. Their whole life lives here:

- a support point lists its open roles (`VolunteerRole`: group leader, translator, key person, driver, host,
  publicity...) in plain words; the public page `/steunpunt/<slug>/vrijwilliger-worden/` shows them and a sign-up
  form that asks a first name, one way to be reached, what the person wants to give and to get, when and where,
  and which languages (each used by the matching, `matching.py`), with consent;
- the sign-up lands in the support point's intake queue; the volunteer gets a receipt with a link to their own
  data (see, download, delete); `remind_volunteer_intake` (daily) mails the support point when a sign-up waits
  more than 2 working days for an answer (the seed's volunteers expect a call within hours, 001:2120);
- the support point answers (a mail), starts a trial ("op proef") in a role, then a fixed role, records hours on
  the volunteer's word, sees anniversaries and prints a thank-you letter;
- `purge_volunteers` (daily) deletes a volunteer 12 months after they stopped, and sign-ups never answered or
  declined after 3 months. A volunteer can delete everything at once through their link; the support point can
  export and delete on request.
"""
