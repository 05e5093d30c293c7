name = "helper_b from second"
