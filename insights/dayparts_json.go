package insights

import (
	"encoding/json"
	"strings"
	"time"
)

// dayPartsJSON is the JSON form of DayParts, with weekdays by name.
type dayPartsJSON struct {
	NightStart int      `json:"night_start"`
	NightEnd   int      `json:"night_end"`
	Weekend    []string `json:"weekend,omitempty"`
}

// MarshalJSON writes the weekend days by English name ("Saturday"), so a
// reader need not know that Sunday is 0.
func (p DayParts) MarshalJSON() ([]byte, error) {
	w := dayPartsJSON{NightStart: p.NightStart, NightEnd: p.NightEnd}
	for _, d := range p.Weekend {
		w.Weekend = append(w.Weekend, d.String())
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the form MarshalJSON writes; weekday names may be in
// any case and may be shortened to three letters ("sat").
func (p *DayParts) UnmarshalJSON(b []byte) error {
	var w dayPartsJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	out := DayParts{NightStart: w.NightStart, NightEnd: w.NightEnd}
	for _, name := range w.Weekend {
		d, ok := weekdayByName(name)
		if !ok {
			return invalid("weekend day %q is not a weekday name: use Monday to Sunday, or Mon to Sun", name)
		}
		out.Weekend = append(out.Weekend, d)
	}
	*p = out
	return nil
}

func weekdayByName(name string) (time.Weekday, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := strings.ToLower(d.String())
		if n == full || (len(n) == 3 && strings.HasPrefix(full, n)) {
			return d, true
		}
	}
	return 0, false
}
