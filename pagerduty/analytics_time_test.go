package pagerduty_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

func TestLooseTimeReadsEveryLayout(t *testing.T) {
	want := time.Date(2024, 1, 31, 10, 5, 0, 0, time.UTC)
	for _, in := range []string{
		`"2024-01-31T10:05:00Z"`,
		`"2024-01-31T11:05:00+01:00"`,
		`"2024-01-31T10:05:00"`,
		`"2024-01-31T10:05:00.000"`,
		`"2024-01-31 10:05:00"`,
		`"2024-01-31TT10:05:00Z"`,
	} {
		var lt pagerduty.LooseTime
		if err := json.Unmarshal([]byte(in), &lt); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if !lt.Equal(want) {
			t.Errorf("%s = %v, want %v", in, lt.Time, want)
		}
	}
	var d pagerduty.LooseTime
	if err := json.Unmarshal([]byte(`"2024-01-31"`), &d); err != nil || !d.Equal(time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date alone = %v, %v", d.Time, err)
	}
	for _, in := range []string{`null`, `""`} {
		lt := pagerduty.LooseTime{Time: want}
		if err := json.Unmarshal([]byte(in), &lt); err != nil || !lt.IsZero() {
			t.Errorf("%s = %v, %v; want the zero time", in, lt.Time, err)
		}
	}
}

func TestLooseTimeRefusesWhatIsNotATime(t *testing.T) {
	for in, want := range map[string]string{
		`"yesterday"`: `"yesterday" is not a time: expected RFC 3339`,
		`12`:          "a time must be a JSON string",
	} {
		var lt pagerduty.LooseTime
		err := json.Unmarshal([]byte(in), &lt)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", in, err, want)
		}
	}
}

func TestLooseTimeMarshalsRFC3339(t *testing.T) {
	b, err := json.Marshal(struct {
		At pagerduty.LooseTime `json:"at"`
	}{pagerduty.LooseTime{Time: time.Date(2024, 1, 31, 10, 5, 0, 0, time.UTC)}})
	if err != nil || string(b) != `{"at":"2024-01-31T10:05:00Z"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}
