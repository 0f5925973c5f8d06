package pagerduty

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"

	fastjson "github.com/segmentio/encoding/json"
)

// Answers are decoded with segmentio/encoding/json, which the MCP SDK
// already brings in: it follows encoding/json's rules (struct tags,
// case-insensitive field names, Unmarshaler and TextUnmarshaler, the same
// error types) at two to three times its speed. Decoding is most of the
// cost of a listing, so it is worth it.
//
// Strings are decoded without copying (zeroCopy): they point into the
// answer's bytes, which are read whole into a buffer of their own and never
// reused. That saves one allocation per string, the bulk of a page's
// allocations; the price is that an item kept from a page keeps that page's
// bytes (a few hundred kilobytes at most) in memory.
const zeroCopy = fastjson.ZeroCopy

// maxSizeHint bounds the buffer allocated up front from a Content-Length
// header, so that a wrong header cannot make the client allocate more than
// an answer really holds; longer answers grow the buffer as they arrive.
const maxSizeHint = 8 << 20

// readBody reads an answer's body whole, into a buffer allocated once when
// the server announced its length.
func readBody(r io.Reader, sizeHint int64) ([]byte, error) {
	n := 4 << 10
	if sizeHint > 0 && sizeHint <= maxSizeHint {
		// One more byte lets the read that meets the end fit without
		// growing the buffer.
		n = int(sizeHint) + 1
	}
	b := make([]byte, 0, n)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		m, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+m]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// readAnswer reads the body of resp whole.
func readAnswer(resp *http.Response) ([]byte, error) {
	b, err := readBody(resp.Body, resp.ContentLength)
	if err != nil {
		return nil, fmt.Errorf("reading the answer: %w", err)
	}
	return b, nil
}

// errEmptyAnswer reports an answer with no JSON value in it.
var errEmptyAnswer = errors.New("the answer is empty")

// unmarshal decodes the first JSON value of b into v; what follows it is
// ignored, as a json.Decoder would.
func unmarshal(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errEmptyAnswer
	}
	_, err := fastjson.Parse(b, v, zeroCopy)
	return err
}

// decodePage decodes a list answer in one pass: the items under key go
// straight into p.Items (sized for limit items when limit is positive), and
// the pagination fields beside them into p. Other fields are skipped.
func decodePage[T any](b []byte, key string, limit int, p *Page[T]) error {
	b = skipSpace(b)
	if len(b) == 0 {
		return errEmptyAnswer
	}
	if b[0] != '{' {
		return errors.New("a list answer is not a JSON object")
	}
	b = skipSpace(b[1:])
	found := false
	if len(b) > 0 && b[0] == '}' {
		return fmt.Errorf("the list answer has no %q field", key)
	}
	for {
		name, rest, err := readKey(b)
		if err != nil {
			return err
		}
		b = rest
		switch name {
		case key:
			found = true
			if limit > 0 && p.Items == nil {
				p.Items = make([]T, 0, limit)
			}
			b, err = fastjson.Parse(b, &p.Items, zeroCopy)
		case "limit":
			b, err = parseOptional(b, &p.Limit)
		case "offset":
			b, err = parseOptional(b, &p.Offset)
		case "more":
			b, err = parseOptional(b, &p.More)
		case "total":
			b, err = fastjson.Parse(b, &p.Total, zeroCopy)
		case "next_cursor":
			b, err = parseOptional(b, &p.NextCursor)
		default:
			var skip fastjson.RawMessage
			b, err = fastjson.Parse(b, &skip, zeroCopy)
		}
		if err != nil {
			return fmt.Errorf("field %q: %w", name, err)
		}
		b = skipSpace(b)
		if len(b) == 0 {
			return errors.New("the list answer ends before its closing brace")
		}
		if b[0] == '}' {
			break
		}
		if b[0] != ',' {
			return fmt.Errorf("after field %q: want a comma or a closing brace, found %q", name, b[0])
		}
		b = skipSpace(b[1:])
	}
	if !found {
		return fmt.Errorf("the list answer has no %q field", key)
	}
	return nil
}

// parseOptional decodes a value that may be null, leaving dst as it is
// for null.
func parseOptional[V any](b []byte, dst *V) ([]byte, error) {
	var v *V
	rest, err := fastjson.Parse(b, &v, zeroCopy)
	if err == nil && v != nil {
		*dst = *v
	}
	return rest, err
}

// readKey reads an object key and the colon after it. Keys without escapes
// (all of the API's) are read in place.
func readKey(b []byte) (string, []byte, error) {
	if len(b) == 0 || b[0] != '"' {
		return "", nil, errors.New("the list answer has a malformed field name")
	}
	end := bytes.IndexByte(b[1:], '"') + 1
	if end == 0 {
		return "", nil, errors.New("the list answer ends inside a field name")
	}
	var name string
	if bytes.IndexByte(b[1:end], '\\') < 0 {
		name = string(b[1:end])
		b = b[end+1:]
	} else {
		rest, err := fastjson.Parse(b, &name, 0)
		if err != nil {
			return "", nil, fmt.Errorf("the list answer has a malformed field name: %w", err)
		}
		b = rest
	}
	b = skipSpace(b)
	if len(b) == 0 || b[0] != ':' {
		return "", nil, fmt.Errorf("the list answer has no colon after field %q", name)
	}
	return name, skipSpace(b[1:]), nil
}

func skipSpace(b []byte) []byte {
	for len(b) > 0 {
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			b = b[1:]
		default:
			return b
		}
	}
	return b
}
