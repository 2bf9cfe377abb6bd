package io.github.crudkit.query;

import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Feeds every statement that runs through a datasource-proxy {@code DataSource} to a {@link StatementTracker}.
 *
 * @since 0.1.0
 */
public class StatementCountingListener implements QueryExecutionListener {

	private final StatementTracker tracker;

	/**
	 * Create the listener.
	 * @param tracker the tracker to feed
	 */
	public StatementCountingListener(StatementTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (execInfo.isBatch()) {
			for (QueryInfo query : queryInfoList) {
				this.tracker.record(query.getQuery(), true);
			}
			return;
		}
		for (QueryInfo query : queryInfoList) {
			this.tracker.record(query.getQuery(), false);
		}
	}

}
