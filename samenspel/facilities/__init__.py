"""Rooms of a support point and its partners, and groups asking for them (002:4533: a support point gives rooms).

- `Room`: a room the support point can offer, its own or a partner's (a community centre, a library): capacity,
  accessibility, costs, when it is usually free (in words), who to ask. Kept by the support point.
- `RoomRequest`: a group (its contact person, or the support point for it) asks for a room on a schedule: a weekday
  and a time, from a date, for a number of weeks. The support point sees it in its queue with every clash with
  bookings already made, books it (one `RoomBooking` per date; a clash refuses the booking and changes nothing)
  or declines it, and the group's contact address gets a mail either way. On booking the support point may make
  the room the group's meeting place (directory/services.py: group_place_set); how much of it is shown publicly
  stays the group's choice (its place's disclosure is kept).
- The room's calendar shows its coming bookings by date.

No personal data: a request names a group, not a person (the asker's account is a `*_by` column, kept as the
workspace keeps it).
"""
