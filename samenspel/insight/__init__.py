"""The municipality's room: what a municipality sees. Aggregate coverage, gaps and referral figures; never anything
about a person. Mounted at /gemeente/."""
