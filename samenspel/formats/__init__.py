"""Locale formats of our own (settings.FORMAT_MODULE_PATH), looked up before Django's.

Django has no formats and no month or day names for Tigrinya (ti) and Somali (so): without these modules their pages
print English formats and, because Django's catalogue for them is missing, Dutch month names (its fallback language).
The names here are CLDR's (Unicode Common Locale Data Repository, release 46, as shipped in Babel 2.19; checked with
`babel.Locale.parse(code).months` when these files were written); samenspel.core.dates puts them into dates.
Ukrainian only corrects Django's day-and-month format to the genitive month ("10 грудня", not "10 грудень").
"""
