v = "nspkg.inner.leaf"
