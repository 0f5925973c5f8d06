package insights

import "slices"

// sortStable orders xs by less, keeping the order of equal elements.
func sortStable[T any](xs []T, less func(a, b T) bool) {
	slices.SortStableFunc(xs, func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}
