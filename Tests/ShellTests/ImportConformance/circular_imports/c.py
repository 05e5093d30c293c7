from d import late
early = 1
