# shellcheck shell=bash
# Finds a JDK 21 or newer without any set-up: CHAINSIG_JAVA_HOME, JAVA_HOME, the java on the PATH,
# then the usual install folders (/usr/lib/jvm, /opt/java, ~/.jdks, SDKMAN). Prints its home.

chainsig_jdk_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n1)
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p' | head -n1)
  fi
  [ "${v:-}" = "1" ] && v=8
  printf '%s' "${v:-}"
}

chainsig_find_jdk() {
  local min=${1:-21} best="" best_v=0 cand v javabin
  local -a cands=()
  [ -n "${CHAINSIG_JAVA_HOME:-}" ] && cands+=("$CHAINSIG_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  if javabin=$(command -v java 2>/dev/null); then
    javabin=$(readlink -f "$javabin")
    cands+=("$(dirname "$(dirname "$javabin")")")
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$cand" ] && cands+=("$cand")
  done
  for cand in "${cands[@]}"; do
    v=$(chainsig_jdk_major "$cand")
    [ -n "$v" ] || continue
    # An explicit CHAINSIG_JAVA_HOME / JAVA_HOME that is new enough wins; otherwise the newest.
    if [ "$v" -ge "$min" ]; then
      if [ "$cand" = "${CHAINSIG_JAVA_HOME:-}" ] || [ "$cand" = "${JAVA_HOME:-}" ]; then
        printf '%s\n' "$cand"; return 0
      fi
      if [ "$v" -gt "$best_v" ]; then best=$cand; best_v=$v; fi
    fi
  done
  if [ -n "$best" ]; then printf '%s\n' "$best"; return 0; fi
  echo "chainsig: no JDK $min or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt/java, ~/.jdks)." >&2
  echo "chainsig: install one (e.g. apt-get install openjdk-21-jdk) or set CHAINSIG_JAVA_HOME." >&2
  return 1
}
