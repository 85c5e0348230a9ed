import gc
import sys

import pytest

from chartfn.memory import keep_memory_flat, release_free_memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux-only")
def test_allocator_settings_apply_on_glibc() -> None:
    try:
        assert keep_memory_flat() is True
        assert gc.get_freeze_count() > 0
        assert release_free_memory() is True
    finally:
        gc.unfreeze()
