# Shared by the benchmark scripts beside this file (sourced, not run).

# idle_pct prints the share of CPU time, over the next second, that the
# machine's cores spent idle, in percent.
idle_pct() {
	local a b
	read -r -a a < <(head -n1 /proc/stat)
	sleep 1
	read -r -a b < <(head -n1 /proc/stat)
	awk -v u1="${a[1]}" -v n1="${a[2]}" -v s1="${a[3]}" -v i1="${a[4]}" -v w1="${a[5]}" -v q1="${a[6]}" -v r1="${a[7]}" -v t1="${a[8]:-0}" \
		-v u2="${b[1]}" -v n2="${b[2]}" -v s2="${b[3]}" -v i2="${b[4]}" -v w2="${b[5]}" -v q2="${b[6]}" -v r2="${b[7]}" -v t2="${b[8]:-0}" \
		'BEGIN { idle = (i2 + w2) - (i1 + w1); total = (u2+n2+s2+i2+w2+q2+r2+t2) - (u1+n1+s1+i1+w1+q1+r1+t1);
		         printf "%d", (total > 0 ? 100 * idle / total : 100) }'
}

# wait_idle waits, up to ${WAIT_IDLE:-180} seconds, for a second in which
# the machine is at least ${IDLE_PCT:-80}% idle (other engineers compile on
# it), and prints a comment line saying how idle it was when it went on.
wait_idle() {
	local deadline=$((SECONDS + ${WAIT_IDLE:-180})) idle
	while :; do
		idle=$(idle_pct)
		if [ "$idle" -ge "${IDLE_PCT:-80}" ]; then
			echo "# idle ${idle}% at $(date -u +%T), $(uptime | sed 's/.*load/load/')"
			return
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "# gave up waiting: idle ${idle}% at $(date -u +%T), $(uptime | sed 's/.*load/load/')"
			return
		fi
		sleep 2
	done
}
