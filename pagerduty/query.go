package pagerduty

import (
	"encoding"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// encodeQuery adds the fields of the options struct opts (a pointer or a
// value; nil adds nothing) to q, as their `url:"name"` tags say:
//
//	Statuses []IncidentStatus `url:"statuses[]"`
//	Since    time.Time        `url:"since"`
//
// Zero values are left out (every option is optional); a *bool or *int field
// sends its value, zero included, when it is set. Slices repeat the name.
// Times are sent in RFC 3339. Embedded structs are flattened. Fields tagged
// `url:"-"` or with no tag are skipped.
func encodeQuery(q url.Values, opts any) {
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Anonymous && fv.Kind() == reflect.Struct {
			encodeQuery(q, fv.Interface())
			continue
		}
		name := f.Tag.Get("url")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		addValue(q, name, fv)
	}
}

var timeType = reflect.TypeFor[time.Time]()

func addValue(q url.Values, name string, v reflect.Value) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
		if s, ok := scalar(v); ok {
			q.Add(name, s)
		}
		return
	}
	if v.Kind() == reflect.Slice {
		for i := 0; i < v.Len(); i++ {
			if s, ok := scalar(v.Index(i)); ok {
				q.Add(name, s)
			}
		}
		return
	}
	if v.IsZero() {
		return
	}
	if s, ok := scalar(v); ok {
		q.Add(name, s)
	}
}

func scalar(v reflect.Value) (string, bool) {
	if v.Type() == timeType {
		t := v.Interface().(time.Time)
		if t.IsZero() {
			return "", false
		}
		return t.Format(time.RFC3339), true
	}
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		b, err := m.MarshalText()
		return string(b), err == nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), true
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64), true
	}
	return fmt.Sprint(v.Interface()), true
}

// oneOf checks that every value is one of allowed, and names the field and
// the accepted values when one is not.
func oneOf[T ~string](field string, values []T, allowed ...T) error {
	for _, v := range values {
		ok := false
		for _, a := range allowed {
			if v == a {
				ok = true
				break
			}
		}
		if !ok {
			names := make([]string, len(allowed))
			for i, a := range allowed {
				names[i] = string(a)
			}
			return fmt.Errorf("pagerduty: %s: %q is not accepted; use one of %s", field, string(v), strings.Join(names, ", "))
		}
	}
	return nil
}

// oneOfIfSet checks v as oneOf does when v is set; empty v is accepted.
func oneOfIfSet[T ~string](field string, v T, allowed ...T) error {
	if v == "" {
		return nil
	}
	return oneOf(field, []T{v}, allowed...)
}

// checkIDs validates a list of IDs sent as a filter.
func checkIDs(field string, ids []string) error {
	for _, id := range ids {
		if err := ValidateID(id); err != nil {
			return fmt.Errorf("%s: %w", field, err)
		}
	}
	return nil
}
