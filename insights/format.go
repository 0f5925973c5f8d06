package insights

import (
	"fmt"
	"strings"
)

// dur shows minutes as minutes, or as hours from two hours on; "n/a" when
// nothing was measured.
func dur(m float64, count int) string {
	switch {
	case count == 0:
		return "n/a"
	case m >= 120:
		return fmt.Sprintf("%.1f h", m/60)
	}
	return fmt.Sprintf("%.1f min", m)
}

// pct shows a percentage, or "n/a" when it has no base.
func pct(v float64, ok bool) string {
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", v)
}

// money shows an amount with two decimals and thousands separators.
func money(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

func periodHeader(b Bucket) string {
	switch b {
	case Day:
		return "Day"
	case Month:
		return "Month"
	}
	return "Week of"
}

func incidentLabel(number int, id, title string) string {
	ref := id
	if number > 0 {
		ref = fmt.Sprintf("#%d", number)
	}
	if title == "" {
		return ref
	}
	return ref + " " + title
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	return strings.TrimSpace(s)
}

// plural writes a count with the noun's singular or plural form.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
