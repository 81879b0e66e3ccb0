"""The support point's newsletter (Zelfhulpkrant, 000:4215, 002:5816-5818): composed, printed, mailed.

- `Issue`: the support point composes an issue from its new groups, groups looking for members, trainings and
  information sessions (learning's course runs) and a few words of its own. It renders from one template as a
  printable PDF (core/printing.render_pdf) and as an e-mail (HTML and text).
- `Subscriber`: an address that signed up on the public page `/steunpunt/<slug>/nieuwsbrief/` and confirmed it
  through the mailed link (double opt-in). It is stored for this newsletter and nothing else: no page lists the
  addresses (the support point sees a count), no other room reads them.
- Sending goes through the core outbox, one message per subscriber with an idempotency key per issue and address:
  sending an issue twice mails nobody twice; a second send reaches only those who confirmed since.
- Every mail carries a signed one-click unsubscribe link and the List-Unsubscribe and List-Unsubscribe-Post headers
  (RFC 8058); unsubscribing deletes the address at once.
- `purge_newsletter` (daily) deletes sign-ups not confirmed within `NEWSLETTER_UNCONFIRMED_DAYS` (7).
"""
