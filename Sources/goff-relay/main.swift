print("goff-relay")
