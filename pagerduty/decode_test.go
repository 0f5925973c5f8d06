package pagerduty

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// A list answer's fields are read wherever they are, nulls leave the
// defaults, and fields the page does not know are skipped whole.
func TestDecodePageReadsEveryPaginationField(t *testing.T) {
	body := " {\n\"extra\": {\"a\": [1, {\"b\": \"}\"}]}, \"more\" : true, \"limit\":null,\"offset\":200," +
		`"items":[{"id":"A"},{"id":"B\u00e9"}],"total":7,"next_cursor":"c2","tail":[] } trailing`
	var p Page[listItem]
	if err := decodePage([]byte(body), "items", 100, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || p.Items[0].ID != "A" || p.Items[1].ID != "Bé" {
		t.Errorf("items = %+v", p.Items)
	}
	if !p.More || p.Limit != 0 || p.Offset != 200 || p.Total == nil || *p.Total != 7 || p.NextCursor != "c2" {
		t.Errorf("page = %+v", p)
	}
}

// An escaped field name is unescaped before it is matched.
func TestDecodePageEscapedKey(t *testing.T) {
	var p Page[listItem]
	if err := decodePage([]byte(`{"it\u0065ms":[{"id":"A"}],"more":false}`), "items", 0, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 {
		t.Errorf("items = %+v", p.Items)
	}
}

// Malformed answers are errors that say what is wrong; none panics.
func TestDecodePageRefusesMalformedAnswers(t *testing.T) {
	for body, want := range map[string]string{
		``:                             "empty",
		`   `:                          "empty",
		`[]`:                           "not a JSON object",
		`{}`:                           `no "items" field`,
		`{"more":true}`:                `no "items" field`,
		`{"items":[{"id":"A"}`:         `field "items"`,
		`{"items":[]`:                  "ends before its closing brace",
		`{"items":[] "more":true}`:     "want a comma",
		`{"items" [] }`:                "no colon",
		`{items:[]}`:                   "malformed field name",
		`{"items`:                      "ends inside a field name",
		`{"items":[],"more":"yes"}`:    `field "more"`,
		`{"items":[],"limit":"ten"}`:   `field "limit"`,
		`{"items":{"id":"A"}}`:         `field "items"`,
		`{"items":[],"x":[1,2}`:        `field "x"`,
		`{"items":[],"total":1.5e999}`: `field "total"`,
	} {
		var p Page[listItem]
		err := decodePage([]byte(body), "items", 10, &p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want one that mentions %q", body, err, want)
		}
	}
}

// Single answers: the first value is decoded, an empty answer is named as
// such, and a truncated one is an error.
func TestUnmarshal(t *testing.T) {
	var v struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(strings.NewReader(`{"NAME":"web"} {"ignored":1}`), &v); err != nil || v.Name != "web" {
		t.Errorf("name %q, err %v (field names match regardless of case, as in encoding/json)", v.Name, err)
	}
	if err := decodeJSON(strings.NewReader(" \n"), &v); !errors.Is(err, errEmptyAnswer) {
		t.Errorf("empty answer: err = %v", err)
	}
	if err := decodeJSON(strings.NewReader(`{"name":"we`), &v); err == nil {
		t.Error("a truncated answer was accepted")
	}
	boom := errors.New("connection reset")
	if err := decodeJSON(iotest.ErrReader(boom), &v); !errors.Is(err, boom) {
		t.Errorf("read failure: err = %v, want it wrapped", err)
	}
}

// The body is read whole whatever the size hint says, and in one
// allocation when the hint is right.
func TestReadBody(t *testing.T) {
	want := bytes.Repeat([]byte("0123456789"), 10_000)
	for _, hint := range []int64{-1, 0, 10, int64(len(want)), int64(len(want)) * 3, maxSizeHint + 1} {
		got, err := readBody(iotest.HalfReader(bytes.NewReader(want)), hint)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("hint %d: %d bytes, err %v", hint, len(got), err)
		}
	}
	r := bytes.NewReader(nil)
	allocs := testing.AllocsPerRun(20, func() {
		r.Reset(want)
		_, _ = readBody(r, int64(len(want)))
	})
	if allocs > 1 {
		t.Errorf("%v allocations with an exact hint, want 1", allocs)
	}
	if _, err := readBody(io.MultiReader(bytes.NewReader(want[:10]), iotest.ErrReader(io.ErrUnexpectedEOF)), 100); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v", err)
	}
}
