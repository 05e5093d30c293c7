v = "nspkg.mod"
