import datetime
from datetime import date, datetime as DT, timedelta, timezone, time
d = date(2026, 12, 3)
print(d, repr(d), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.ctime(), d.strftime('%A %d %B %Y, day %j'))
print(d + timedelta(days=30), d - timedelta(weeks=1), d - date(2000, 1, 1), date.fromordinal(739588), date.fromisoformat('2024-02-29'))
dt = DT(2026, 12, 3, 13, 58, 46, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(' ', 'seconds'), dt.isoformat(timespec='milliseconds'), dt.date(), dt.time())
print(dt.strftime('%m-%d_%H-%M'), dt.strftime('%Y%m%d-%H%M%S.%f'), f'{dt:%Y/%m/%d}', '{:%H:%M}'.format(dt), dt.ctime())
print(repr(DT(2026, 1, 1)), repr(DT(2026, 1, 1, 5)), repr(DT(2026, 1, 1, 0, 0, 7)), str(DT(2026, 1, 1)))
print(dt + timedelta(hours=12), dt - timedelta(days=400, seconds=5), DT(2027, 1, 1) - dt, dt - DT(2027, 1, 1))
print(dt.replace(year=2020, microsecond=0), dt > DT(2026, 1, 1), dt == DT(2026, 12, 3, 13, 58, 46, 123456), sorted([dt, DT(2020, 5, 5)]))
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5)
print(td, repr(td), td.total_seconds(), -td, repr(-td), abs(-td), td * 2, td / 2, td // 3, td / timedelta(hours=1), td % timedelta(hours=5))
print(timedelta(0), repr(timedelta(0)), timedelta(microseconds=1), timedelta(milliseconds=1.5), timedelta(weeks=1, days=-1), repr(timedelta(seconds=-1)))
print(timedelta(days=2) > timedelta(hours=47), timedelta(hours=24) == timedelta(days=1), bool(timedelta(0)), divmod(timedelta(hours=5), timedelta(hours=2)))
print(str(timedelta(days=-3, hours=1)), str(timedelta(hours=25)), timedelta.max, timedelta.min, repr(timedelta.resolution))
print(DT.strptime('2026-12-03 13:05:09', '%Y-%m-%d %H:%M:%S'), DT.strptime('03/Dec/26 01:05PM', '%d/%b/%y %I:%M%p'), DT.strptime('2026-12-03T13:05:09.5', '%Y-%m-%dT%H:%M:%S.%f'))
for args in [(2026, 13, 1), (2026, 2, 29), (0, 1, 1), (2026, 1, 1, 24), (2026, 1, 1, 0, 60), (2026, 1, 1, 0, 0, 0, 10**6)]:
    try:
        DT(*args)
    except ValueError as e:
        print('ValueError:', e)
for bad in [lambda: DT.strptime('2026-12', '%Y-%m-%d'), lambda: DT.strptime('2026-12-03x', '%Y-%m-%d'), lambda: date(2026, 1, '1'), lambda: DT(2026, 1, 1) < date(2026, 1, 1)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
u = DT(2026, 12, 3, 13, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.utcoffset(), u.tzname(), u.timestamp(), u.strftime('%H:%M %z %Z'))
tz8 = timezone(timedelta(hours=8))
print(tz8, repr(tz8), u.astimezone(tz8), DT.fromtimestamp(0, timezone.utc), DT.utcfromtimestamp(1e9), DT.fromisoformat('2026-12-03T13:05:09+08:00'))
try:
    u - DT(2026, 1, 1)
except TypeError as e:
    print('TypeError:', e)
print(u == DT(2026, 12, 3, 21, 0, tzinfo=tz8), time(13, 5), repr(time(13, 5, 9, 10)), time(1, 2, 3).isoformat(), date.min, DT.max, datetime.MINYEAR, datetime.MAXYEAR)
print(type(DT.now()).__name__, DT.now() > DT(2020, 1, 1), date.today().year >= 2024, isinstance(dt, date), issubclass(DT, date))
print({d: 1, date(2026, 12, 3): 2}, hash(td) == hash(timedelta(days=1, seconds=7384, microseconds=500000)))
