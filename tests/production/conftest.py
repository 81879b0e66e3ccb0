# The referral tests' groups, people and warm handover serve the backup test.
from tests.referral.conftest import (
    few_references,
    gambling_group,
    handover,
    other_group,
    other_support_point,
    personas,
)

__all__ = ["few_references", "gambling_group", "handover", "other_group", "other_support_point", "personas"]
