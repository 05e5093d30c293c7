# time and platform, printed so the output does not depend on the machine, its zone or the clock.
import time, platform
t0 = time.time(); p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() - t0 >= 0.009, time.perf_counter() - p0 >= 0.009, type(time.time_ns()).__name__, time.process_time() >= 0)
gt = time.gmtime(86400 * 365)
print(gt, gt.tm_year, gt[0], len(gt), isinstance(gt, tuple), gt.tm_zone)
print(time.gmtime(1700000000))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)), time.asctime(time.gmtime(0)))
print(time.mktime(time.localtime(1700000000)), time.strftime("%a %b %j", time.gmtime(1)))
print(len(time.strftime("%Y%m%d-%H%M%S")), time.ctime(0) == time.asctime(time.localtime(0)))
print(time.localtime(1700000000)[:6] == time.localtime(1700000000.9)[:6], time.monotonic() > 0)
for bad in [lambda: time.sleep(-1), lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.sleep("1"), lambda: time.struct_time((1, 2))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(platform.system(), platform.machine(), repr(platform.processor()), platform.python_implementation(), platform.architecture())
u = platform.uname()
print(type(u).__name__, u.system == platform.system(), u.release == platform.release(), u.node == platform.node())
print(platform.platform().startswith("Linux-" + platform.release() + "-x86_64-with-glibc"), platform.libc_ver()[0])
print(platform.python_version().startswith("3.11"))
