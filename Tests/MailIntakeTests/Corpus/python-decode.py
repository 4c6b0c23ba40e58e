"""The independent decoder: Python's email package reads each message given on the command
line and prints, as JSON, its subject, first sender and readable text (control characters
removed as Lanes removes them), for CorpusTests to compare with Lanes' own reading."""
import email, json, re, sys
from email import policy
from html.parser import HTMLParser

CONTROLS = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')

def header(text):
    return CONTROLS.sub('', re.sub(r'[ \t\r\n]+', ' ', text or '')).strip()

class Words(HTMLParser):
    def __init__(self):
        super().__init__()
        self.words, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style', 'title', 'head'): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'title', 'head'): self.skip = max(0, self.skip - 1)
    def handle_data(self, data):
        if not self.skip: self.words += data.split()

out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        msg = email.message_from_binary_file(f, policy=policy.default)
    entry = {'file': path, 'subject': header(str(msg['subject'] or '')), 'name': None, 'address': None, 'kind': 'none', 'text': None}
    try:
        sender = msg['from']
        if sender is not None and sender.addresses:
            entry['name'] = header(sender.addresses[0].display_name)
            entry['address'] = sender.addresses[0].addr_spec
    except Exception as error:
        entry['address'] = 'python-error: %s' % error
    body = msg.get_body(preferencelist=('plain', 'html'))
    if body is not None:
        try:
            codecs_ok = True
            import codecs
            codecs.lookup(body.get_content_charset() or 'us-ascii')
        except LookupError:
            codecs_ok = False
        if codecs_ok:
            text = body.get_content()
            entry['kind'] = body.get_content_subtype()
            if entry['kind'] == 'html':
                parser = Words(); parser.feed(text); entry['text'] = ' '.join(parser.words)
            else:
                entry['text'] = ' '.join(CONTROLS.sub('', text).split())
        else:
            entry['kind'] = 'unknown-charset'
    out.append(entry)
print(json.dumps(out, ensure_ascii=False))
