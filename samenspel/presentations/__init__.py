"""Presentations for professionals' teams ("speeddate", 000:4229-4237, 000:2646-2657).

A professional or a team asks the support point to come and tell about peer support at a team meeting, or asks for a
group willing to tell its own story (the seed's refugee worker invited a woman who runs walk-in mornings, and now
the whole team knows where to send people). The life of a `PresentationRequest`:

- asked: the form at `/presentaties/<support point>/aanvragen/` (any signed-in person) names the team, the
  organisation, wished dates, the audience size and themes, and optionally one of the support point's groups;
  the support point gets a notice, and the named group's contact persons are asked whether the group wants to;
- the group's contact person agrees or says no (no group presents without that "yes");
- the support point plans it (date and time, place, who presents, whether the group comes) or declines it;
  the asker (and the group, when it comes) get a confirmation through the outbox with an .ics file;
- afterwards the asker or the support point records a short evaluation as counts only (present, found it useful,
  now knows where to refer);
- `figures.year_counts(support_point, year)` gives the year's counts to whatever room reports them;
- `purge_presentations` (daily) clears the asker's contact details `PRESENTATION_CONTACT_DAYS` (90) after the
  presentation, the decline, or half a year without an answer; the counts stay.
"""
