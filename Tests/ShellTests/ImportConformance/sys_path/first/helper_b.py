name = "helper_b from first"
