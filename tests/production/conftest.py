# The referral tests' groups, people and warm handover serve the backup test (the rest of the world, other
# groups and support points, comes from tests/personas.py for every test).
from tests.referral.conftest import few_references, gambling_group, handover, persona_group, personas

__all__ = ["few_references", "gambling_group", "handover", "persona_group", "personas"]
