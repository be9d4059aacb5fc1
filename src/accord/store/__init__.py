"""SEAM 1: transactional facts. Verbs see only the protocols in store.base."""
