/** The longest query we search for; longer input is cut, not refused. (Kept apart from
 * the index so the search box can use it without loading MiniSearch up front.) */
export const MAX_QUERY_LENGTH = 120;
