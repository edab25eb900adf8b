"""One Hypothesis profile for every property test of the package.

Property tests check behaviour, never time: on a shared or loaded machine (CI runs the sanitizer
builds beside them) an example may take longer than Hypothesis's default 200 ms deadline, which
it then reports as a flaky failure. No deadline here, and no example database in the tree.
Tests may still set their own `max_examples` and health checks with `@settings`.
"""
from hypothesis import settings

settings.register_profile("cadrekit", deadline=None, database=None)
settings.load_profile("cadrekit")
