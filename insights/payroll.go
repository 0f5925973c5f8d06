package insights

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"
)

// PayrollOptions selects the window and the rules of a payroll export.
// Only Window is required.
type PayrollOptions struct {
	Window Window
	// Truncated tells the report that the shifts given are not all there
	// are.
	Truncated bool
	// TimeZone, when set, is the IANA zone every row is written and split
	// in; otherwise each user's own zone is used, and UTC when none is
	// known.
	TimeZone string
	// SplitDaily cuts shifts at local midnight, one row per day, so that
	// each row belongs to one pay day.
	SplitDaily bool
	// Users appear in the export even without a shift, with a zero total.
	Users []User
	// DayParts sets night hours and weekend days; the zero value means
	// 22:00-06:00 and Saturday-Sunday.
	DayParts DayParts
}

// PayrollReport holds the rows of a payroll export; WriteCSV writes them.
type PayrollReport struct {
	Data     DataUsed       `json:"data"`
	Method   string         `json:"method"`
	DayParts DayParts       `json:"day_parts"`
	Rows     []PayrollRow   `json:"rows"`
	Totals   []PayrollTotal `json:"totals"`
	// Hours, NightHours and WeekendHours add up everyone's rows.
	Hours        float64 `json:"hours"`
	NightHours   float64 `json:"night_hours"`
	WeekendHours float64 `json:"weekend_hours"`
}

// PayrollRow is one shift (or one day of a shift) of one person.
type PayrollRow struct {
	UserID   string `json:"user_id"`
	UserName string `json:"user_name,omitempty"`
	TimeZone string `json:"time_zone"`
	// Date is the local date the row starts on, as YYYY-MM-DD.
	Date         string    `json:"date"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end"`
	Hours        float64   `json:"hours"`
	NightHours   float64   `json:"night_hours"`
	WeekendHours float64   `json:"weekend_hours"`
	// Night and Weekend flag rows with any night or weekend time.
	Night   bool `json:"night"`
	Weekend bool `json:"weekend"`
}

// PayrollTotal adds up one person's rows.
type PayrollTotal struct {
	UserID       string  `json:"user_id"`
	UserName     string  `json:"user_name,omitempty"`
	TimeZone     string  `json:"time_zone"`
	Rows         int     `json:"rows"`
	Hours        float64 `json:"hours"`
	NightHours   float64 `json:"night_hours"`
	WeekendHours float64 `json:"weekend_hours"`
}

// PayrollMethod describes the payroll computation.
const PayrollMethod = "Each user's shifts are clipped to the window and overlapping or touching " +
	"entries joined (time on call in two schedules at once is paid once). With daily split, a " +
	"shift becomes one row per local calendar day. Hours are elapsed time (a daylight-saving day " +
	"has 23 or 25); night and weekend hours are the parts inside the local night hours and weekend " +
	"days. The CSV shows hours with two decimals; totals are summed before rounding."

// Payroll lists each person's shifts in the window as payroll rows, with
// hours, night and weekend hours and flags, and per-person and overall
// totals. Rows come sorted by user ID, then time. PayrollMethod states the
// rules.
func Payroll(shifts []Shift, opts PayrollOptions) (*PayrollReport, error) {
	in, err := prepareShifts(shifts, opts.Users, opts.Window, opts.DayParts, opts.TimeZone, opts.Truncated)
	if err != nil {
		return nil, err
	}
	parts, people := in.parts, in.people
	r := &PayrollReport{
		Data:     in.data,
		Method:   PayrollMethod,
		DayParts: parts,
		Rows:     []PayrollRow{},
		Totals:   []PayrollTotal{},
	}
	var all, allNight, allWeekend time.Duration
	for _, p := range people {
		loc, err := in.location(p)
		if err != nil {
			return nil, err
		}
		var pieces []interval
		for _, iv := range p.ivs {
			if !opts.SplitDaily {
				pieces = append(pieces, iv)
				continue
			}
			for d := dayStart(iv.start, loc); d.Before(iv.end); d = nextDay(d) {
				if piece, ok := clip(iv, Window{Start: d, End: nextDay(d)}); ok {
					pieces = append(pieces, piece)
				}
			}
		}
		t := PayrollTotal{UserID: p.id, UserName: p.name, TimeZone: loc.String(), Rows: len(pieces)}
		var sum, night, weekend time.Duration
		for _, iv := range pieces {
			n, w := parts.split(iv, loc)
			sum += iv.dur()
			night += n
			weekend += w
			start := iv.start.In(loc)
			r.Rows = append(r.Rows, PayrollRow{
				UserID: p.id, UserName: p.name, TimeZone: loc.String(),
				Date: start.Format(time.DateOnly), Start: start, End: iv.end.In(loc),
				Hours: hours(iv.dur()), NightHours: hours(n), WeekendHours: hours(w),
				Night: n > 0, Weekend: w > 0,
			})
		}
		t.Hours, t.NightHours, t.WeekendHours = hours(sum), hours(night), hours(weekend)
		r.Totals = append(r.Totals, t)
		all += sum
		allNight += night
		allWeekend += weekend
	}
	r.Hours, r.NightHours, r.WeekendHours = hours(all), hours(allNight), hours(allWeekend)
	return r, nil
}

// payrollHeader is the first line of the payroll CSV.
var payrollHeader = []string{"user_id", "user_name", "time_zone", "date", "start", "end", "hours", "night_hours", "weekend_hours", "night", "weekend"}

// WriteCSV writes the export as CSV (RFC 4180, through encoding/csv): a
// header, then each person's rows followed by a line with "total" in the
// date column, then a last line with "TOTAL" in the user_id column for
// everyone. Times are RFC 3339 in the row's zone; hours have two decimals;
// flags are "yes" or "no".
func (r *PayrollReport) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(payrollHeader); err != nil {
		return fmt.Errorf("insights: writing payroll CSV: %w", err)
	}
	row := 0
	for _, t := range r.Totals {
		for ; row < len(r.Rows) && r.Rows[row].UserID == t.UserID; row++ {
			x := r.Rows[row]
			rec := []string{x.UserID, x.UserName, x.TimeZone, x.Date, x.Start.Format(time.RFC3339), x.End.Format(time.RFC3339),
				fmtHours(x.Hours), fmtHours(x.NightHours), fmtHours(x.WeekendHours), yesNo(x.Night), yesNo(x.Weekend)}
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("insights: writing payroll CSV: %w", err)
			}
		}
		rec := []string{t.UserID, t.UserName, t.TimeZone, "total", "", "", fmtHours(t.Hours), fmtHours(t.NightHours), fmtHours(t.WeekendHours), "", ""}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("insights: writing payroll CSV: %w", err)
		}
	}
	rec := []string{"TOTAL", "", "", "", "", "", fmtHours(r.Hours), fmtHours(r.NightHours), fmtHours(r.WeekendHours), "", ""}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("insights: writing payroll CSV: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("insights: writing payroll CSV: %w", err)
	}
	return nil
}

func fmtHours(h float64) string { return strconv.FormatFloat(h, 'f', 2, 64) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
