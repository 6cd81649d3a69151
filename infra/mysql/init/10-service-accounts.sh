# Sourced (not executed) by the mysql image's entrypoint, and only on the first start
# with an empty data directory: changing an account later means ALTER USER by hand.
#
# One account per service, allowed into its own database and no other, so "no service
# reads another's database" (DESIGN.md, decision 2) holds in the server and not only in
# code review. Each service creates its database itself on start; the database-level
# grant includes the CREATE privilege that needs.
#
# test/workspace/compose-env.test.ts reads the create_account lines below and checks
# them against each service's DB_USER, DB_NAME and DB_PASSWORD in docker-compose.yml.

create_account() {
  local user="$1" database="$2" password="$3"
  # Checked rather than escaped: these go into SQL literals, and a generated password
  # (openssl rand -base64 24) never needs quoting.
  if [[ ! "$password" =~ ^[A-Za-z0-9+/=._~-]{16,}$ ]]; then
    mysql_error "the password for MySQL account '$user' must be 16 or more of A-Z a-z 0-9 + / = . _ ~ -"
  fi
  # In a database grant an unescaped _ is a wildcard: onestop_cases would also match
  # onestopXcases.
  local grant_pattern
  grant_pattern="$(printf '%s' "$database" | sed 's/_/\\_/g')"
  mysql_note "creating MySQL account '$user' for database '$database'"
  docker_process_sql <<-EOSQL
	CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
	GRANT ALL PRIVILEGES ON \`${grant_pattern}\`.* TO '${user}'@'%';
	EOSQL
}

create_account catalog onestop_catalog "$CATALOG_DB_PASSWORD"
create_account cases onestop_cases "$CASES_DB_PASSWORD"
create_account fees onestop_fees "$FEES_DB_PASSWORD"
create_account staffing onestop_staffing "$STAFFING_DB_PASSWORD"
create_account parallel_approval onestop_parallel_approval "$PARALLEL_APPROVAL_DB_PASSWORD"
create_account supervision onestop_supervision "$SUPERVISION_DB_PASSWORD"
create_account results onestop_results "$RESULTS_DB_PASSWORD"
create_account notifications onestop_notifications "$NOTIFICATIONS_DB_PASSWORD"
create_account hall onestop_hall "$HALL_DB_PASSWORD"
create_account gateway onestop_gateway "$GATEWAY_DB_PASSWORD"
