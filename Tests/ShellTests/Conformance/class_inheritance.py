class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return "I am " + self.name + ": " + self.speak()

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        print("Puppy.__init__", age)

    def speak(self):
        return super().speak() + " (tiny)"

a = Animal("generic")
d = Dog("rex")
p = Puppy("bit", 1)
print(a.speak())
print(d.speak())
print(p.speak())
print(p.describe())
print(p.__dict__)
print(isinstance(p, Animal), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print([k.__name__ for k in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__bases__[0].__name__, Animal.__bases__[0].__name__)
