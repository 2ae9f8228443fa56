import {
  Alert,
  Button,
  Content,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Title,
} from '@patternfly/react-core';
import { TrashIcon } from '@patternfly/react-icons';
import { api } from './api.js';
import { useApiList } from './useApiList.js';

/**
 * The caller's chat sessions, newest first: open one to read and continue it, or delete it. {@code version}
 * changes whenever the chat page has stored a turn, so a new session shows up.
 */
export function SessionList({ tenant, current, version, onOpen, onDeleted }) {
  const { data: sessions, error, act } = useApiList(
    async () => [...await api.sessions(tenant)].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), [tenant, version]);

  const remove = async (session) => {
    if (await act(() => api.deleteSession(tenant, session.id))) {
      onDeleted(session.id);
    }
  };

  return (
    <section aria-labelledby="sessions-title">
      <Title headingLevel="h2" size="md" id="sessions-title">Sessions</Title>
      {error && <Alert variant="danger" isInline isPlain title={error} />}
      {sessions.length === 0 ? (
        <Content component="p">No session yet: your first question starts one.</Content>
      ) : (
        <DataList aria-label="Sessions" isCompact selectedDataListItemId={current ?? ''}>
          {sessions.map((s) => (
            <DataListItem key={s.id} id={s.id} aria-labelledby={`session-${s.id}`}>
              <DataListItemRow>
                <DataListItemCells dataListCells={[
                  <DataListCell key="title">
                    <Button variant="link" isInline id={`session-${s.id}`} onClick={() => onOpen(s.id)}
                      aria-current={s.id === current ? 'true' : undefined}>
                      {s.title || s.id}
                    </Button>
                    <div className="ragfn-muted">{new Date(s.updatedAt).toLocaleString()}</div>
                  </DataListCell>,
                ]} />
                <DataListAction id={`delete-${s.id}`} aria-labelledby={`delete-${s.id} session-${s.id}`} aria-label="Actions">
                  <Button variant="plain" aria-label={`Delete session ${s.title || s.id}`} onClick={() => remove(s)} icon={<TrashIcon />} />
                </DataListAction>
              </DataListItemRow>
            </DataListItem>
          ))}
        </DataList>
      )}
    </section>
  );
}

/** A stored turn as the chat page shows one: the answer with its sources, complete. */
export function storedTurn(turn) {
  return { question: turn.question, answer: turn.answer, done: { answer: turn.answer, sources: turn.sources ?? [] } };
}
