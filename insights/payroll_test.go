package insights

import (
	"bytes"
	"errors"
	"testing"
)

func TestPayrollCSVExactBytes(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	// Ann (Berlin) is on call Saturday 2024-03-30 20:00 to Sunday 04:00,
	// across midnight and the spring-forward change at 02:00. Split daily:
	//   Saturday 20:00-24:00 CET: 4 h; night 22-24 = 2 h; weekend 4 h.
	//   Sunday 00:00 CET (23:00Z) to 04:00 CEST (02:00Z): 3 h, all night,
	//   all weekend.
	//   Total 7 h, night 5 h, weekend 7 h.
	// Bob (no zone: UTC) is on call Monday 2024-03-04 09:00-17:00: 8 h.
	// Everyone: 15 h, night 5 h, weekend 7 h.
	shifts := []Shift{
		{UserID: "U2", UserName: "Bob, Jr.", Start: utc(t, "2024-03-04 09:00"), End: utc(t, "2024-03-04 17:00")},
		{UserID: "U1", UserName: "Ann", TimeZone: "Europe/Berlin", Start: at(t, berlin, "2024-03-30 20:00"), End: at(t, berlin, "2024-03-31 04:00")},
	}
	r, err := Payroll(shifts, PayrollOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-04-01 00:00")}, SplitDaily: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	want := "user_id,user_name,time_zone,date,start,end,hours,night_hours,weekend_hours,night,weekend\n" +
		"U1,Ann,Europe/Berlin,2024-03-30,2024-03-30T20:00:00+01:00,2024-03-31T00:00:00+01:00,4.00,2.00,4.00,yes,yes\n" +
		"U1,Ann,Europe/Berlin,2024-03-31,2024-03-31T00:00:00+01:00,2024-03-31T04:00:00+02:00,3.00,3.00,3.00,yes,yes\n" +
		"U1,Ann,Europe/Berlin,total,,,7.00,5.00,7.00,,\n" +
		"U2,\"Bob, Jr.\",UTC,2024-03-04,2024-03-04T09:00:00Z,2024-03-04T17:00:00Z,8.00,0.00,0.00,no,no\n" +
		"U2,\"Bob, Jr.\",UTC,total,,,8.00,0.00,0.00,,\n" +
		"TOTAL,,,,,,15.00,5.00,7.00,,\n"
	if got := buf.String(); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
}

func TestPayrollWithoutSplitKeepsShiftsWhole(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	// Unsplit, Ann's shift is one 7 h row dated the day it starts.
	shifts := []Shift{{UserID: "U1", TimeZone: "Europe/Berlin", Start: at(t, berlin, "2024-03-30 20:00"), End: at(t, berlin, "2024-03-31 04:00")}}
	r, err := Payroll(shifts, PayrollOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-04-01 00:00")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 1 || r.Rows[0].Date != "2024-03-30" {
		t.Fatalf("rows = %+v, want one row dated 2024-03-30", r.Rows)
	}
	wantNear(t, "hours", r.Rows[0].Hours, 7)
	wantNear(t, "night hours", r.Rows[0].NightHours, 5)
	if len(r.Totals) != 1 || r.Totals[0].Rows != 1 {
		t.Errorf("totals = %+v, want one person with one row", r.Totals)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestPayrollWriteErrorIsWrapped(t *testing.T) {
	r, err := Payroll(nil, PayrollOptions{Window: Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}, Users: []User{{ID: "U1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteCSV(failWriter{}); !errors.Is(err, errDiskFull) {
		t.Errorf("err = %v, want it to wrap the writer's error", err)
	}
}

func TestPayrollRefusesBadInput(t *testing.T) {
	month := Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-04-01 00:00")}
	for name, opts := range map[string]PayrollOptions{
		"no window":    {},
		"long window":  {Window: Window{month.Start, month.Start.AddDate(20, 0, 0)}},
		"unknown zone": {Window: month, TimeZone: "Europe/Atlantis"},
		"bad night":    {Window: month, DayParts: DayParts{NightStart: -1, NightEnd: 6}},
	} {
		if _, err := Payroll(nil, opts); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
		}
	}
}
