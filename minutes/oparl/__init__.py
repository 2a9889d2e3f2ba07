"""A read-only OParl 1.1 API over the published archive: System → Body → paged object lists."""
