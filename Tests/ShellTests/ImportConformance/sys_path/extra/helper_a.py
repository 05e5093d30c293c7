name = "helper_a from extra"
