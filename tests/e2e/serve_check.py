"""serve_check.py: the client side of the `samla serve` tests and load bench (Python's http.client only).

  serve_check.py port ERRLOG                   wait for "listening on" in ERRLOG, print the port
  serve_check.py corpus PORT RUNDIR FORMAT PIPELINE FILE...
        POST each FILE (?name=FILE) and compare the answer byte for byte with RUNDIR/<base>.<ext>,
        what `samla run -o RUNDIR` wrote
  serve_check.py api PORT HOSTILE_DIR          the endpoints, errors and hostile files (server: -j 2 --queue 4
        --max-pages 100 --max-body 1)
  serve_check.py limits PORT PID               worker crash and hang, 503 when full, then a stop (SIGINT to PID)
        while busy (server: -j 1 --queue 1 --timeout 8 --grace 1, the misbehave fixture pipeline on its paths)
  serve_check.py load PORT PID N C FILE...     N requests, C at a time, cycling over FILE (pipeline protocol):
        every answer 200 and the same bytes for the same file; prints throughput and the server's
        resident set (parent and workers) over the run as JSON
"""
import http.client
import json
import os
import re
import signal
import sys
import threading
import time
import urllib.parse

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL: ' + what, flush=True)


def request(port, method, path, body=None, headers=None, timeout=120):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        c.close()


def post_file(port, pipeline, path, fmt=None, name=None, headers=None):
    q = {'name': name if name is not None else path}
    if fmt:
        q['format'] = fmt
    with open(path, 'rb') as f:
        body = f.read()
    return request(port, 'POST', '/run/%s?%s' % (pipeline, urllib.parse.urlencode(q)), body, headers)


def error_json(data):
    try:
        j = json.loads(data)
    except ValueError:
        return {}
    return j if isinstance(j, dict) else {}


def cmd_port(errlog):
    for _ in range(600):
        try:
            m = re.search(r'listening on http://[^:]+:(\d+)/', open(errlog).read())
        except OSError:
            m = None
        if m:
            print(m.group(1))
            return 0
        time.sleep(0.1)
    print('no "listening on" in %s: %s' % (errlog, open(errlog).read()), file=sys.stderr)
    return 1


def cmd_corpus(port, rundir, fmt, pipeline, files):
    """Two requests at a time (the server runs with -j 2)."""
    ext = {'yaml': '.yaml', 'json': '.json'}.get(fmt, '.%s.json' % fmt)
    same = []
    todo = list(files)
    lock = threading.Lock()

    def one():
        while True:
            with lock:
                if not todo:
                    return
                path = todo.pop(0)
            want = open(os.path.join(rundir, os.path.basename(path) + ext), 'rb').read()
            status, headers, got = post_file(port, pipeline, path, fmt)
            with lock:
                check(status == 200, '%s: status %d: %s' % (path, status, got[:300]))
                check(headers.get('content-type', '').startswith('application/yaml' if fmt == 'yaml' else 'application/json'),
                      '%s: content type %s' % (path, headers.get('content-type')))
                if got == want:
                    same.append(path)
                else:
                    check(False, '%s (%s): %d bytes from serve, %d from samla run' % (path, fmt, len(got), len(want)))
    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('corpus %s %s: %d of %d byte-identical' % (pipeline, fmt, len(same), len(files)))
    return 0 if not failures else 1


def hostile(port, d):
    """Each hostile file, one request each: the status and the cause the server gives."""
    want = {  # file: (status, outcome or None, words in the cause)
        'zipbomb.docx': (422, 'failed', ''),
        'xxe.docx': (422, 'failed', ''),
        'laughs.docx': (422, 'failed', ''),
        'random.bin': (422, 'failed', 'unsupported format'),
        'zero.pdf': (400, None, 'no document'),
        'pages.pdf': (422, 'pages', '600 pages, more than the limit of 100'),
        'truncated.pdf': (422, 'failed', ''),
        'encrypted.pdf': (422, 'failed', 'encrypt'),
    }
    for name, (status, outcome, words) in sorted(want.items()):
        path = os.path.join(d, name)
        st, headers, data = post_file(port, 'protocol', path, name=name)
        j = error_json(data)
        check(st == status, '%s: status %d, want %d: %s' % (name, st, status, data[:300]))
        check(headers.get('content-type') == 'application/json', '%s: error not JSON' % name)
        check(j.get('file') == name and j.get('error', '').startswith(name + ': ') and j.get('cause'),
              '%s: error names the file and the cause: %s' % (name, j))
        check(words.lower() in j.get('cause', '').lower(), '%s: cause %r lacks %r' % (name, j.get('cause'), words))
        if outcome:
            check(j.get('outcome') == outcome, '%s: outcome %s, want %s' % (name, j.get('outcome'), outcome))
        print('hostile %s: %d %s' % (name, st, j.get('cause')))


def cmd_api(port, hostile_dir):
    good = 'corpus/docx/protokoll-samrad-2024-05-03.docx'
    # GET endpoints
    st, h, data = request(port, 'GET', '/health')
    j = json.loads(data)
    check(st == 200 and j['status'] == 'ok' and j['workers'] == 2 and j['capacity'] == 6 and
          j['limits']['max_pages'] == 100 and j['limits']['max_body_bytes'] == 1 << 20, 'health: %s' % j)
    st, h, data = request(port, 'GET', '/pipelines')
    j = json.loads(data)
    names = {p['name']: p for p in j['pipelines']}
    check(st == 200 and {'protocol', 'plan', 'strategy', 'all', 'dump'} <= set(names), 'pipelines: %s' % sorted(names))
    check(names['protocol']['steps'][0] == 'read-pdf' and 'oparl' in names['protocol']['formats'],
          'pipeline protocol: steps and formats: %s' % names['protocol'])
    check({'yaml', 'json', 'oparl', 'popolo'} <= set(j['formats']), 'formats: %s' % j['formats'])
    st, h, data = request(port, 'GET', '/plugins')
    plugins = {p['name']: p for p in json.loads(data)['plugins']}
    check(plugins.get('read-pdf', {}).get('stage') == 'reader' and plugins['write-yaml']['accepts'] == ['yaml'],
          'plugins: %s' % sorted(plugins))
    check(any(o['name'] == 'timezone' for o in plugins['write-oparl']['options']), 'plugin options listed')
    st, h, data = request(port, 'HEAD', '/health')
    check(st == 200 and data == b'', 'HEAD /health: %d %r' % (st, data[:50]))

    # format negotiation: ?format=, Accept, default JSON; same model either way
    st, h, y = post_file(port, 'protocol', good, headers={'Accept': 'application/yaml'})
    check(st == 200 and h['content-type'].startswith('application/yaml') and y.startswith(b'---\nsamla:'),
          'Accept: application/yaml: %d %s' % (st, h.get('content-type')))
    check(h.get('x-samla-pipeline') == 'protocol' and h.get('x-samla-pages') == '3', 'X-Samla headers: %s' % h)
    st, h, js = post_file(port, 'protocol', good)
    model = json.loads(js) if st == 200 else {}
    check(st == 200 and h['content-type'] == 'application/json', 'default format JSON: %d' % st)
    check(model.get('meeting', {}).get('body') == 'Samråd hälsa, vård och omsorg' and
          model['document']['source'] == good and len(model.get('agenda', [])) >= 5,
          'the model of %s: %s' % (good, model.get('meeting')))
    st, h, _ = post_file(port, 'protocol', good, headers={'Accept': 'text/html'})
    check(st == 406, 'Accept: text/html: 406, got %d' % st)
    st, h, _ = post_file(port, 'protocol', good, headers={'Accept': 'text/html, application/json;q=0.5'})
    check(st == 200 and h['content-type'] == 'application/json', 'Accept with a weight: %d' % st)
    st, h, data = post_file(port, 'protocol', good, fmt='oparl')
    oparl = json.loads(data) if st == 200 else {}
    check(st == 200 and any(x.get('type', '').startswith('https://schema.oparl.org/') for x in oparl.get('data', [])),
          'oparl: %d %s' % (st, data[:120]))
    st, h, data = post_file(port, 'protocol', good, fmt='nosuch')
    check(st == 400 and 'unknown format' in error_json(data).get('cause', ''), 'unknown format: %d' % st)
    st, h, data = request(port, 'POST', '/run?pipeline=protocol&format=yaml&name=x.docx', open(good, 'rb').read())
    check(st == 200 and b'source: x.docx' in data, '/run?pipeline=: %d' % st)

    # multipart/form-data: the file part; its file name is the document's name
    boundary = 'samla-test-boundary'
    body = (('--%s\r\nContent-Disposition: form-data; name="note"\r\n\r\nignored\r\n'
             '--%s\r\nContent-Disposition: form-data; name="file"; filename="samrad.docx"\r\n'
             'Content-Type: application/octet-stream\r\n\r\n' % (boundary, boundary)).encode()
            + open(good, 'rb').read() + ('\r\n--%s--\r\n' % boundary).encode())
    st, h, data = request(port, 'POST', '/run/protocol', body,
                          {'Content-Type': 'multipart/form-data; boundary=' + boundary})
    mp = json.loads(data) if st == 200 else {}
    check(st == 200 and mp.get('document', {}).get('source') == 'samrad.docx' and
          mp['document']['id'] == model['document']['id'], 'multipart upload: %d %s' % (st, data[:200]))
    st, h, data = request(port, 'POST', '/run/protocol',
                          ('--%s\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--%s--\r\n' % (boundary, boundary)).encode(),
                          {'Content-Type': 'multipart/form-data; boundary=' + boundary})
    check(st == 400 and 'no file' in error_json(data).get('cause', ''), 'multipart without a file: %d %s' % (st, data[:200]))

    # request errors
    st, h, data = request(port, 'POST', '/run/nosuch', b'x')
    check(st == 404 and 'nosuch' in error_json(data).get('error', ''), 'unknown pipeline: %d' % st)
    st, h, data = request(port, 'GET', '/run/protocol')
    check(st == 405 and h.get('allow') == 'POST', 'GET /run: %d %s' % (st, h.get('allow')))
    st, h, data = request(port, 'DELETE', '/health')
    check(st == 405 and h.get('allow') == 'GET, HEAD', 'DELETE /health: %d' % st)
    st, h, data = request(port, 'GET', '/nothing')
    check(st == 404 and error_json(data).get('status') == 404, 'unknown endpoint: %d' % st)
    st, h, data = request(port, 'POST', '/run/protocol?name=%01bad', b'x')
    check(st == 400, 'control character in ?name=: %d' % st)
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)  # refused from the headers, body never sent
    c.putrequest('POST', '/run/protocol?name=big.pdf')
    c.putheader('Content-Length', str(2 << 20))
    c.putheader('Expect', '100-continue')
    c.endheaders()
    r = c.getresponse()
    st, data = r.status, r.read()
    c.close()
    check(st == 413 and error_json(data).get('file') == 'big.pdf' and '--max-body' in error_json(data).get('cause', ''),
          'body over --max-body: %d %s' % (st, data[:200]))
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)  # chunked: no Content-Length up front
    c.putrequest('POST', '/run/protocol?name=chunked.pdf')
    c.putheader('Transfer-Encoding', 'chunked')
    c.endheaders()
    try:
        for _ in range(3):
            c.send(b'80000\r\n' + b'0' * 0x80000 + b'\r\n')
        c.send(b'0\r\n\r\n')
        r = c.getresponse()
        st = r.status
        r.read()
    except (ConnectionError, http.client.HTTPException):
        st = 'closed'
    c.close()
    check(st in (413, 'closed'), 'chunked body over --max-body: %s' % st)

    hostile(port, hostile_dir)

    st, h, data = post_file(port, 'protocol', good)
    check(st == 200 and json.loads(data)['document']['id'] == model['document']['id'], 'serves after all that: %d' % st)
    j = idle_health(port)
    check(j['admitted'] == 0 and j['running'] == 0 and j['queued'] == 0 and j['documents']['failed'] == 0 and
          j['documents']['refused'] == 7, 'health after: %s' % j)
    return 0 if not failures else 1


def idle_health(port):
    """/health once the last request is done: a request is counted until its connection's completion, just
    after its answer."""
    for _ in range(100):
        j = json.loads(request(port, 'GET', '/health')[2])
        if j['admitted'] == 0:
            break
        time.sleep(0.05)
    return j


def cmd_limits(port, pid):
    good = 'corpus/docx/protokoll-samrad-2024-05-03.docx'
    st, h, data = post_file(port, 'protocol', good)
    model = json.loads(data) if st == 200 else {}
    check(st == 200 and model.get('document', {}).get('source') == good, 'a good document first: %d' % st)

    # the worker isolation: a crash is a 500 (memory: tests/unit/test_worker.c)
    proto = 'Kommunstyrelsen\nProtokoll\nSammanträdesdatum 2024-03-18\n\n§ 12 Val av justerare\n'.encode()
    st, h, data = request(port, 'POST', '/run/misbehave?name=crash.txt', b'SAMLA-FIXTURE-CRASH\n' + proto)
    j = error_json(data)
    check(st == 500 and j.get('outcome') == 'crashed' and j.get('file') == 'crash.txt', 'crash: %d %s' % (st, j))
    print('isolation CRASH: %d %s' % (st, j.get('cause')))

    # full (-j 1 --queue 1): a hanging document runs, a good one waits, the next is refused with Retry-After;
    # the hang is stopped at --timeout, then the good one runs
    results = {}

    def post(k, path, body):
        st, h, data = request(port, 'POST', path, body)
        results[k] = (st, error_json(data) if st != 200 else {})
    threads = [threading.Thread(target=post, args=('hang', '/run/misbehave?name=hang.txt', b'SAMLA-FIXTURE-HANG\n' + proto))]
    threads[0].start()
    for _ in range(200):
        if json.loads(request(port, 'GET', '/health')[2])['running'] == 1:
            break
        time.sleep(0.05)
    threads.append(threading.Thread(target=post, args=('good', '/run/protocol?name=waits.docx', open(good, 'rb').read())))
    threads[1].start()
    for _ in range(200):
        if json.loads(request(port, 'GET', '/health')[2])['admitted'] == 2:
            break
        time.sleep(0.05)
    st, h, data = post_file(port, 'protocol', good)
    j = error_json(data)
    check(st == 503 and h.get('retry-after', '').isdigit() and int(h['retry-after']) >= 1 and 'busy' in j.get('cause', ''),
          'full: 503 with Retry-After: %d %s %s' % (st, h.get('retry-after'), data[:200]))
    print('full: %d Retry-After %s: %s' % (st, h.get('retry-after'), j.get('cause')))
    for t in threads:
        t.join()
    hang_st, hang_j = results.get('hang', (0, {}))
    check(hang_st == 422 and hang_j.get('outcome') == 'timeout' and 'timed out after' in hang_j.get('cause', ''),
          'the hanging document is stopped at --timeout: %s' % (results.get('hang'),))
    check(results.get('good', (0,))[0] == 200, 'the waiting document runs after it: %s' % (results.get('good'),))
    print('isolation HANG: %d %s' % (hang_st, hang_j.get('cause')))

    # still serving
    st, h, data = post_file(port, 'protocol', good)
    check(st == 200 and json.loads(data)['document']['id'] == model['document']['id'], 'serves after all that: %d' % st)
    j = idle_health(port)
    check(j['admitted'] == 0 and j['running'] == 0 and j['queued'] == 0 and j['documents']['failed'] == 1 and
          j['documents']['refused'] == 1, 'health after: %s' % j)

    # a stop while busy: a hanging document runs, a good one waits; at SIGINT the waiting one is answered 503
    # at once, the running one 503 when --grace is over (serve.sh then checks the clean exit)
    stop = {}

    def post_stop(k, path, body):
        t0 = time.monotonic()
        try:
            st, h, data = request(port, 'POST', path, body)
            stop[k] = (st, h.get('retry-after'), error_json(data).get('cause', ''), time.monotonic() - t0)
        except (OSError, http.client.HTTPException) as e:
            stop[k] = (str(e), None, '', time.monotonic() - t0)
    threads = [threading.Thread(target=post_stop, args=('running', '/run/misbehave?name=hang.txt',
                                                        b'SAMLA-FIXTURE-HANG\n' + proto))]
    threads[0].start()
    for _ in range(200):
        if json.loads(request(port, 'GET', '/health')[2])['running'] == 1:
            break
        time.sleep(0.05)
    threads.append(threading.Thread(target=post_stop, args=('queued', '/run/protocol?name=queued.docx',
                                                            open(good, 'rb').read())))
    threads[1].start()
    for _ in range(200):
        if json.loads(request(port, 'GET', '/health')[2])['queued'] == 1:
            break
        time.sleep(0.05)
    t0 = time.monotonic()
    os.kill(pid, signal.SIGINT)
    for t in threads:
        t.join()
    q, r = stop.get('queued', ('none',) * 4), stop.get('running', ('none',) * 4)
    check(q[0] == 503 and q[1] == '1' and 'shutting down' in q[2], 'at a stop, the queued document: %s' % (q,))
    check(r[0] == 503 and 'stopped' in r[2] and time.monotonic() - t0 < 6,
          'at a stop, the running document after --grace: %s' % (r,))
    print('stop: queued %s %s; running %s %s' % (q[0], q[2], r[0], r[2]))
    return 0 if not failures else 1


def rss_kb(pid):
    """Resident set of pid and its children (the workers), KiB."""
    def one(p):
        try:
            for line in open('/proc/%d/status' % p):
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0
    kids = []
    try:
        for t in os.listdir('/proc/%d/task' % pid):
            kids += [int(k) for k in open('/proc/%d/task/%s/children' % (pid, t)).read().split()]
    except OSError:
        pass
    return one(pid), sum(one(k) for k in kids)


def cmd_load(port, pid, n, conc, files):
    bodies = [(os.path.basename(f), open(f, 'rb').read()) for f in files]
    first = {}
    lock = threading.Lock()
    counts = {'ok': 0, 'failed': 0, 'different': 0}
    samples = []
    next_i = [0]
    times = []

    def worker():
        c = None
        while True:
            with lock:
                i = next_i[0]
                if i >= n:
                    break
                next_i[0] += 1
            name, body = bodies[i % len(bodies)]
            t0 = time.monotonic()
            try:
                if c is None:
                    c = http.client.HTTPConnection('127.0.0.1', port, timeout=300)
                c.request('POST', '/run/protocol?name=' + urllib.parse.quote(name), body)
                r = c.getresponse()
                data = r.read()
                st = r.status
            except (OSError, http.client.HTTPException) as e:
                st, data = str(e), b''
                c = None
            dt = time.monotonic() - t0
            with lock:
                times.append(dt)
                if st != 200:
                    counts['failed'] += 1
                    print('request %d (%s): %s %s' % (i, name, st, data[:200]), file=sys.stderr)
                    continue
                counts['ok'] += 1
                if name not in first:
                    first[name] = data
                elif first[name] != data:
                    counts['different'] += 1
                done = counts['ok'] + counts['failed']
                if done % max(1, n // 20) == 0:
                    samples.append((done,) + rss_kb(pid))
        if c:
            c.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(conc)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    times.sort()
    parent = [s[1] for s in samples]
    out = {'requests': n, 'concurrency': conc, 'ok': counts['ok'], 'failed': counts['failed'],
           'different': counts['different'], 'seconds': round(wall, 1), 'per_second': round(n / wall, 1),
           'p50_s': round(times[len(times) // 2], 3), 'p95_s': round(times[int(len(times) * 0.95) - 1], 3),
           'server_rss_kb': {'after_first_20pct': parent[len(parent) // 5] if parent else 0,
                             'last': parent[-1] if parent else 0, 'max': max(parent) if parent else 0},
           'samples': samples}
    print(json.dumps(out))
    return 0 if counts['failed'] == 0 and counts['different'] == 0 else 1


def main(argv):
    cmd = argv[1]
    if cmd == 'port':
        return cmd_port(argv[2])
    if cmd == 'corpus':
        return cmd_corpus(int(argv[2]), argv[3], argv[4], argv[5], argv[6:])
    if cmd == 'api':
        return cmd_api(int(argv[2]), argv[3])
    if cmd == 'limits':
        return cmd_limits(int(argv[2]), int(argv[3]))
    if cmd == 'load':
        return cmd_load(int(argv[2]), int(argv[3]), int(argv[4]), int(argv[5]), argv[6:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
