#!/usr/bin/env python3
# What Pulse allocates at 20,000 events/s, by thread and by the first Pulse frame of each JFR
# allocation sample (else the top frame). Samples whose weight is over 10 MB are dropped: JFR
# charges a thread's first sample with everything it allocated since it started.
#   jfr print --json --stack-depth 24 --events jdk.ObjectAllocationSample pulse-20k.jfr > alloc.json
#   python3 alloc-by-site.py alloc.json 25 20000     # seconds recorded, events a second
import collections, json, re, sys

events = json.load(open(sys.argv[1]))['recording']['events']
seconds, rate = float(sys.argv[2]), float(sys.argv[3])
total = dropped = 0
by_site, by_thread = collections.Counter(), collections.Counter()
for event in events:
    values = event['values']
    weight = values.get('weight', 0)
    if weight > 10_000_000:
        dropped += weight
        continue
    total += weight
    frames = (values.get('stackTrace') or {}).get('frames', [])
    site = next((f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}" for f in frames
                 if f['method']['type']['name'].startswith('dev/pulse')), None)
    if site is None:
        site = 'netty/jdk: ' + (frames[0]['method']['type']['name'].split('/')[-1] + '.' + frames[0]['method']['name'] if frames else '?')
    by_site[site] += weight
    thread = (values.get('eventThread') or {}).get('javaName') or '?'
    by_thread[re.sub(r'[-#]?\d+', '', thread)] += weight
print(f"{total / 1e6:.0f} MB in {seconds:.0f} s: {total / seconds / 1e6:.1f} MB/s, {total / seconds / rate:.0f} B per event "
      f"({dropped / 1e6:.0f} MB of first samples dropped)")
for name, weight in by_thread.most_common(4):
    print(f"{weight / 1e6:8.1f} MB  {name}")
for name, weight in by_site.most_common(20):
    print(f"{weight / 1e6:8.1f} MB {100 * weight / total:5.1f}%  {name}")
