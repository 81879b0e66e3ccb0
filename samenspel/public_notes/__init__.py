"""What a citizen leaves on the map without an account, and its whole life: public notes.

Three kinds, one room, because they share their shape (a public form with a honeypot, a rate limit and once-only
sending; a workspace list for the support point; a retention date and a purge in the daily job):

- a **wish** ("tell me when", `wishes.py`): on a search with no group, a citizen leaves a theme, a PC4 area, a
  language and ONE way to be reached (an e-mail address, or a phone number the support point may not see either),
  for 3, 6 or 12 months. It counts only after the citizen confirmed it by the link mailed to that address (so
  nobody can subscribe someone else), and every mail carries a link to withdraw it. The support point sees counts
  per theme and area ("<5" for small ones), never an address, and can write to all of them at once through the
  platform when a group starts (NAKOS' "Blaue Adressen");
- a **correction** ("Is something wrong here?", `corrections.py`): on a group page, anyone says what is wrong
  (time, place, stopped, contact, other). It lands in the support point's queue and the group contact's, both get a
  notice mail, and "stopped" or "time wrong" makes the group count as "check due" (directory/freshness.py) until
  it is handled. Its text and reply address are wiped some days after it is handled;
- a **group registration** ("Register a group or start one", `registrations.py`): an initiator describes a group
  or an idea, chooses a support point (the nearest first) and gives a role address, no name. It counts only once
  confirmed by the mailed link; the support point approves it (the group is made through directory/services.py and
  the initiator becomes its contact person by a one-time sign-in link), asks a question by mail, or declines it
  with a reason. The registration is deleted some days after the decision.

The contact address of a wish is encrypted at rest (core/crypto.py). Mail goes through the outbox, without the
support point's id, so no list of the support point's mail ever shows a citizen's address.
"""
