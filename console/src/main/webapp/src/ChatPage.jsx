import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Label,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalHeader,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  TextArea,
  Title,
} from '@patternfly/react-core';
import { api, streamChat } from './api.js';
import { SessionList, storedTurn } from './Sessions.jsx';
import { useApiList } from './useApiList.js';

export function ChatPage({ tenant }) {
  const { data: assistants, error: loadError } = useApiList(() => api.assistants(tenant), [tenant]);
  const [chosenId, setAssistantId] = useState('');
  const [turns, setTurns] = useState([]);
  const [sessionId, setSessionId] = useState(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [opened, setOpened] = useState(null);
  const [storedTurns, setStoredTurns] = useState(0);
  const abort = useRef(null);

  useEffect(() => () => abort.current?.abort(), [tenant]);

  const assistantId = chosenId || assistants[0]?.id || '';
  const assistant = assistants.find((a) => a.id === assistantId);

  const updateLast = (change) => setTurns((all) => [...all.slice(0, -1), change(all[all.length - 1])]);

  const ask = async (e) => {
    e.preventDefault();
    const question = message.trim();
    if (!question || !assistant) {
      return;
    }
    setMessage('');
    setError(null);
    setBusy(true);
    setTurns((all) => [...all, { question, answer: '', done: null }]);
    abort.current = new AbortController();
    // The turn names the assistant: chat-turn applies its instructions, model, knowledge bases, tools,
    // shield policy and retrieval settings, and records its version.
    const request = { tenant, sessionId, message: question, assistantId: assistant.id };
    try {
      await streamChat(request, (name, data) => {
        if (name === 'token') {
          updateLast((t) => ({ ...t, answer: t.answer + data }));
        } else if (name === 'done') {
          setSessionId(data.sessionId);
          updateLast((t) => ({ ...t, answer: data.answer, done: data }));
          setStoredTurns((n) => n + 1);
        } else if (name === 'error') {
          setError(data.message ?? String(data));
        }
      }, abort.current.signal);
    } catch (err) {
      if (err.name !== 'AbortError') {
        setError(err.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const newSession = () => {
    abort.current?.abort();
    setTurns([]);
    setSessionId(null);
  };

  const openSession = async (id) => {
    abort.current?.abort();
    setError(null);
    try {
      const view = await api.session(tenant, id);
      setTurns(view.turns.map(storedTurn));
      setSessionId(id);
    } catch (e) {
      setError(e.message);
    }
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Chat</Title>
      </PageSection>
      <PageSection>
        <Grid hasGutter>
        <GridItem md={4} lg={3}>
          <SessionList tenant={tenant} current={sessionId} version={storedTurns} onOpen={openSession}
            onDeleted={(id) => id === sessionId && newSession()} />
        </GridItem>
        <GridItem md={8} lg={9}>
        <Stack hasGutter>
          {(error ?? loadError) && <StackItem><Alert variant="danger" isInline title={error ?? loadError} /></StackItem>}
          {assistants.length === 0 ? (
            <StackItem>
              <Content component="p">No assistant yet: <a href="#/assistants">create one</a> to chat with it.</Content>
            </StackItem>
          ) : (
            <StackItem>
              <FormGroup label="Assistant" fieldId="chat-assistant">
                <FormSelect id="chat-assistant" value={assistantId} onChange={(_e, v) => { setAssistantId(v); newSession(); }}>
                  {assistants.map((a) => <FormSelectOption key={a.id} value={a.id} label={a.name} />)}
                </FormSelect>
              </FormGroup>
            </StackItem>
          )}
          <StackItem>
            <section aria-label="Conversation" aria-live="polite">
              <Stack hasGutter>
                {turns.map((t, i) => (
                  <StackItem key={i}>
                    <Turn turn={t} onCite={setOpened} />
                  </StackItem>
                ))}
              </Stack>
            </section>
          </StackItem>
          <StackItem>
            <Form onSubmit={ask}>
              <FormGroup label="Your question" fieldId="chat-message">
                <TextArea
                  id="chat-message"
                  value={message}
                  onChange={(_e, v) => setMessage(v)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.shiftKey) {
                      ask(e);
                    }
                  }}
                  resizeOrientation="vertical"
                />
              </FormGroup>
              <div>
                <Button type="submit" isDisabled={busy || !assistant || !message.trim()} isLoading={busy}>Send</Button>{' '}
                <Button variant="secondary" onClick={newSession}>New session</Button>
              </div>
            </Form>
          </StackItem>
        </Stack>
        </GridItem>
        </Grid>
      </PageSection>
      {opened && (
        <Passage tenant={tenant} source={opened} onClose={() => setOpened(null)} />
      )}
    </>
  );
}

function Turn({ turn, onCite }) {
  const sources = turn.done?.sources ?? [];
  return (
    <Card isCompact>
      <CardBody>
        <Content component="p"><strong>You:</strong> {turn.question}</Content>
        <div className="ragfn-answer" data-testid="answer" data-complete={turn.done ? 'true' : 'false'}>
          {turn.answer || (!turn.done && <Spinner size="md" aria-label="Waiting for the answer" />)}
        </div>
        {turn.done?.extractive && <Label isCompact>assembled from the sources, not written by a model</Label>}
        {sources.length > 0 && (
          <List isPlain aria-label="Sources">
            {sources.map((s) => (
              <ListItem key={s.number}>
                <Button variant="link" isInline onClick={() => onCite(s)} aria-label={`Open source ${s.number}: ${s.title}`}>
                  [{s.number}] {s.title || s.document.documentId}
                </Button>
                {s.headingPath?.length > 0 && <> · {s.headingPath.join(' › ')}</>}
              </ListItem>
            ))}
          </List>
        )}
      </CardBody>
    </Card>
  );
}

/** A cited passage as the API stores it (the exact chunk the source names), with a link to its document. */
function Passage({ tenant, source, onClose }) {
  const [passage, setPassage] = useState(null);
  const [error, setError] = useState(null);
  const documentId = source.document.documentId;
  const knowledgeBase = source.document.knowledgeBase.knowledgeBase;
  const documentLink = '#/knowledge-bases?' + new URLSearchParams({ kb: knowledgeBase, document: documentId });

  useEffect(() => {
    api.chunk(tenant, knowledgeBase, documentId, source.chunkId).then(setPassage, (e) =>
      setError(e.status === 404 ? 'The passage is no longer in the knowledge base: the document was deleted or '
        + 're-ingested since this answer.' : e.message));
  }, [tenant, knowledgeBase, documentId, source.chunkId]);

  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-labelledby="passage-title">
      <ModalHeader title={`[${source.number}] ${source.title || documentId}`} labelId="passage-title" />
      <ModalBody>
        <Content component="p">
          Document <a href={documentLink} data-testid="passage-document">{documentId}</a> in knowledge base{' '}
          <code>{knowledgeBase}</code>
          {passage?.headingPath?.length > 0 && <> · {passage.headingPath.join(' › ')}</>}
        </Content>
        {error && <Alert variant="warning" isInline title={error} />}
        {!passage && !error && <Spinner size="lg" aria-label="Loading the passage" />}
        {passage && <blockquote className="ragfn-answer" data-testid="passage">{passage.text}</blockquote>}
      </ModalBody>
    </Modal>
  );
}
