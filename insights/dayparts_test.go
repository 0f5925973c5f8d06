package insights

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestDayPartsJSON(t *testing.T) {
	p, err := DayParts{}.resolved()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"night_start":22,"night_end":6,"weekend":["Saturday","Sunday"]}`; got != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
	var back DayParts
	if err := json.Unmarshal([]byte(`{"night_start":23,"night_end":7,"weekend":["fri","SATURDAY"]}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.NightStart != 23 || back.NightEnd != 7 || !slices.Equal(back.Weekend, []time.Weekday{time.Friday, time.Saturday}) {
		t.Errorf("decoded %+v", back)
	}
	err = json.Unmarshal([]byte(`{"weekend":["Caturday"]}`), &back)
	if !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown day: err = %v, want ErrInvalidInput", err)
	}
}
