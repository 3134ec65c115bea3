#!/usr/bin/env python3
"""Lists methods and constructors longer than a limit (house rule: 60 lines), counted from the line of the
signature (annotations and Javadoc excluded) to the closing brace, both included.

Usage: scripts/method-lengths.py [limit] [root...]   (defaults: 60 src/main/java)

A brace counter over source with comments, strings, text blocks and char literals blanked out, so it needs no
parser on the class path; lambdas, local and anonymous classes count towards the method that holds them.
"""
import os
import re
import sys

TYPE_HEADER = re.compile(r'\b(class|interface|enum)\b|@interface\b|\brecord\s+\w+')


def blank(src):
    """The source with comments and literals replaced by spaces; newlines kept so line numbers hold."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', src[i:j])); i = j
        elif src.startswith('"""', i):
            j = i + 3
            while True:
                j = src.find('"""', j)
                if j < 0:
                    j = n; break
                k, back = j - 1, 0
                while src[k] == '\\':
                    back += 1; k -= 1
                if back % 2 == 0:
                    j += 3; break
                j += 1
            out.append('"' + re.sub(r'[^\n]', ' ', src[i + 1:j - 1]) + '"'); i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            out.append(c + ' ' * (j - i - 1) + c); i = j + 1
        else:
            out.append(c); i += 1
    return ''.join(out)


def methods(path):
    src = blank(open(path, encoding='utf-8').read())
    stack = []          # one entry per open brace: ('type'|'method'|'block', name, start line)
    header_start = 0    # offset just after the last ; { or } : where the current declaration began
    found = []
    for i, c in enumerate(src):
        if c == '{':
            header = src[header_start:i]
            in_type = not stack or stack[-1][0] == 'type'
            if TYPE_HEADER.search(re.sub(r'@\w+(\.\w+)*(\([^)]*\))?', ' ', header)):
                stack.append(('type', None, 0))
            elif in_type and '=' not in header.split('(')[0]:
                sig = re.sub(r'^\s*(@\w+(\.\w+)*(\s*\([^()]*(\([^()]*\)[^()]*)*\))?\s*)*', '', header)
                offset = header_start + (len(header) - len(sig)) + (len(sig) - len(sig.lstrip()))
                name_match = re.search(r'(\w+)\s*\(', sig)
                name = name_match.group(1) if name_match else ('<init>' if sig.strip() else '<initializer>')
                stack.append(('method', name, src.count('\n', 0, offset) + 1))
            else:
                stack.append(('block', None, 0))
            header_start = i + 1
        elif c == '}':
            kind, name, start = stack.pop() if stack else ('block', None, 0)
            if kind == 'method':
                found.append((name, start, src.count('\n', 0, i) + 1 - start + 1))
            header_start = i + 1
        elif c == ';':
            header_start = i + 1
    return found


def main():
    args = sys.argv[1:]
    limit = int(args.pop(0)) if args and args[0].isdigit() else 60
    roots = args or ['src/main/java']
    rows = []
    for root in roots:
        for directory, _, files in os.walk(root):
            for f in files:
                if f.endswith('.java'):
                    p = os.path.join(directory, f)
                    rows += [(lines, p, name, start) for name, start, lines in methods(p) if lines > limit]
    for lines, p, name, start in sorted(rows, reverse=True):
        print(f'{lines:4d}  {p}:{start}  {name}')
    return 1 if rows else 0


if __name__ == '__main__':
    sys.exit(main())
