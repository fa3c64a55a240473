# Shared by the test scripts: record results where tests/run-all counts them.
# Each script runs with RESULTS set to a file; one line per test.

: "${RESULTS:=/dev/null}"
export LC_ALL=C TZ=UTC

pass() {
	echo "pass $1" >>"$RESULTS"
}

# fail NAME [DETAIL...]: print why, and count it.
fail() {
	name=$1
	shift
	echo "FAIL: $name" >&2
	for line in "$@"; do
		printf '  %s\n' "$line" >&2
	done
	echo "fail $name" >>"$RESULTS"
}

# A fingerprint of a folder: every path, and every file's checksum.
tree_sum() {
	(cd "$1" && find . -print | LC_ALL=C sort && \
	    find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum)
}

# A previous output folder, as a build would have left it.
make_previous_out() {
	mkdir -p "$1/2023"
	echo "This folder is written by coopgen and replaced whole by each build." \
	    >"$1/.coopgen"
	echo '{"previous": true}' >"$1/2023/figures.json"
	echo "kept" >"$1/index.html"
}
