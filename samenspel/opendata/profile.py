"""The Samenspel HSDS profile: JSON merge patches (RFC 7396) on the HSDS 3.0 core schemas.

HSDS profiles are folders of merge patches, one per core schema they change
(docs/hsds-profile/schema/*.json). Applying them gives the profile's schemas.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from django.conf import settings

PROFILE_DIR = Path(settings.BASE_DIR) / "docs" / "hsds-profile"
PROFILE_SCHEMA_DIR = PROFILE_DIR / "schema"


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: objects merge key by key, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def load_schemas(folder: Path) -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def patches(profile_dir: Path = PROFILE_SCHEMA_DIR) -> dict[str, dict[str, Any]]:
    return load_schemas(profile_dir)


def patched_schemas(core_dir: Path, profile_dir: Path = PROFILE_SCHEMA_DIR) -> dict[str, dict[str, Any]]:
    """The core schemas with the profile's patches applied (untouched schemas as they are)."""
    core = load_schemas(core_dir)
    for name, patch in patches(profile_dir).items():
        core[name] = merge_patch(core.get(name, {}), patch)
    return core
