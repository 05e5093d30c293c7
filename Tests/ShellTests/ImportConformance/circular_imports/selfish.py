import selfish
print("selfish imports itself:", selfish.__name__, hasattr(selfish, "after"))
after = True
