#!/usr/bin/env bash
# A throwaway Dovecot IMAP server on 127.0.0.1 for the email benchmark, with its own configuration, state and
# mail under one directory; the system's Dovecot (its service and /etc/dovecot) is neither read nor touched.
#
#   bash bench/dovecot.sh start    # writes the config, empties the mailbox, starts; prints the BENCH_IMAP_* settings
#   bash bench/dovecot.sh stop     # stops this instance only (by its own pid file)
#   bash bench/dovecot.sh status
#
# Settings (environment, all optional):
#   HEARTH_DOVECOT_DIR   where everything lives (default /tmp/hearth-dovecot; removed and laid anew by start)
#   HEARTH_DOVECOT_PORT  first port to try for plain IMAP on 127.0.0.1 (default 10143)
#
# Needs Debian's dovecot-imapd (apt-get install -y dovecot-imapd). Plain IMAP without TLS, plaintext login
# allowed, one user (hearth / secret) from a passwd-file, Maildir storage with '/' as hierarchy separator.
# Mail is written with Dovecot's default fsync behaviour, as a production server would.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${HEARTH_DOVECOT_DIR:-/tmp/hearth-dovecot}
CONF="$DIR/dovecot.conf"
USER_NAME=hearth
USER_PASSWORD=secret
BENCH_LABEL=dovecot
WORK=""      # lib.sh's cleanup removes nothing of ours and drops no database
DB=""
PSQL=(true)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap - EXIT  # nothing to clean up on exit: start leaves the server running on purpose

master_pid() {
    [[ -f "$DIR/run/master.pid" ]] && cat "$DIR/run/master.pid"
}

running() {
    local pid
    pid=$(master_pid 2>/dev/null) || return 1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

start() {
    command -v dovecot >/dev/null || { say "dovecot not installed: apt-get install -y dovecot-imapd"; exit 1; }
    if running; then
        say "already running (pid $(master_pid)); stop it first"
        exit 1
    fi
    local port
    port=$(free_port "${HEARTH_DOVECOT_PORT:-10143}")
    rm -rf "$DIR"
    mkdir -p "$DIR/run" "$DIR/state" "$DIR/mail"
    # Dovecot runs its mail processes as an unprivileged user: when started by root, nobody owns the mail;
    # otherwise everything runs as the caller.
    local mail_user login_user internal_user
    if [[ $EUID -eq 0 ]]; then
        mail_user=nobody
        login_user=dovenull
        internal_user=dovecot
        chown nobody:nogroup "$DIR/mail"
    else
        mail_user=$(id -un)
        login_user=$mail_user
        internal_user=$mail_user
    fi
    local uid gid
    uid=$(id -u "$mail_user")
    gid=$(id -g "$mail_user")
    printf '%s:{PLAIN}%s:%s:%s::%s/mail/%s\n' "$USER_NAME" "$USER_PASSWORD" "$uid" "$gid" "$DIR" "$USER_NAME" \
        > "$DIR/users"
    cat > "$CONF" <<EOF
# Written by bench/dovecot.sh: a throwaway instance for the email benchmark. Nothing is included from /etc/dovecot.
instance_name = hearth-bench
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
info_log_path = $DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DIR/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0600
    user = $internal_user
  }
}
# Only IMAP here: no POP3, LMTP or submission listeners.
service lmtp {
  unix_listener lmtp {
    mode = 0
  }
}
EOF
    chmod 0644 "$CONF" "$DIR/users"
    dovecot -c "$CONF"
    for _ in $(seq 1 50); do
        port_free "$port" || break
        sleep 0.1
    done
    if port_free "$port"; then
        say "dovecot did not start listening on $port; its log:"
        tail -n 20 "$DIR/dovecot.log" >&2 || true
        exit 1
    fi
    cat > "$DIR/env" <<EOF
export BENCH_IMAP_HOST=127.0.0.1
export BENCH_IMAP_PORT=$port
export BENCH_IMAP_USER=$USER_NAME
export BENCH_IMAP_PASSWORD=$USER_PASSWORD
EOF
    say "running (pid $(master_pid), dovecot $(dovecot --version | cut -d' ' -f1)) on 127.0.0.1:$port;" \
        "config $CONF, log $DIR/dovecot.log"
    say "settings for bench/email-bench.sh are in $DIR/env:"
    cat "$DIR/env"
}

stop() {
    if ! running; then
        say "not running"
        return 0
    fi
    local pid
    pid=$(master_pid)
    say "stopping (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { say "stopped"; return 0; }
        sleep 0.1
    done
    say "still running after 10 s; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) if running; then say "running (pid $(master_pid)); $(cat "$DIR/env" 2>/dev/null | tr '\n' ' ')"; else say "not running"; exit 1; fi ;;
    *) echo "usage: bash bench/dovecot.sh start|stop|status" >&2; exit 2 ;;
esac
