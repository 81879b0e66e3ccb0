"""The workspace's writes, one module per thing they change; each write runs in one transaction and is audited.

self_service (a contact's edits and their review), lifecycle, people, support, support_point, imports.
"""
