import { useState } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  PageSection,
  TextArea,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Td, Tr } from '@patternfly/react-table';
import { ListTable } from './ListTable.jsx';
import { api } from './api.js';
import { useApiList } from './useApiList.js';

const EMPTY = { id: '', name: '', instructions: '', knowledgeBases: [], retrievalMode: '', topK: '' };

export function AssistantsPage({ tenant }) {
  const { data: { assistants, knowledgeBases }, error, setError, refresh } = useApiList(async () => {
    const [list, kbs] = await Promise.all([api.assistants(tenant), api.knowledgeBases(tenant)]);
    return { assistants: list, knowledgeBases: kbs.map((kb) => kb.knowledgeBase) };
  }, [tenant], { initial: { assistants: [], knowledgeBases: [] } });
  const [editing, setEditing] = useState(null);

  const edit = async (id) => {
    try {
      const { data, etag } = await api.assistant(tenant, id);
      setEditing({ form: { ...EMPTY, ...data, retrievalMode: data.retrievalMode ?? '', topK: data.topK ?? '' }, etag });
    } catch (e) {
      setError(e.message);
    }
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Assistants</Title>
        <Content component="p">What people chat with: instructions, knowledge bases and how it retrieves.</Content>
      </PageSection>
      <PageSection>
        {error && <Alert variant="danger" isInline title={error} />}
        <Card>
          <CardTitle component="h2">Your assistants</CardTitle>
          <CardBody>
            <Button onClick={() => setEditing({ form: EMPTY, etag: null })}>New assistant</Button>
            <ListTable label="Assistants" columns={['Name', 'Id', 'Knowledge bases', 'Version']} actions>
              {assistants.map((a) => (
                <Tr key={a.id}>
                  <Td dataLabel="Name">{a.name}</Td>
                  <Td dataLabel="Id">{a.id}</Td>
                  <Td dataLabel="Knowledge bases">{a.knowledgeBases.join(', ')}</Td>
                  <Td dataLabel="Version">{a.version}</Td>
                  <Td dataLabel="Actions">
                    <Button variant="secondary" aria-label={`Edit ${a.name}`} onClick={() => edit(a.id)}>Edit</Button>
                  </Td>
                </Tr>
              ))}
            </ListTable>
          </CardBody>
        </Card>
      </PageSection>
      {editing && (
        <PageSection>
          <AssistantForm
            key={editing.form.id || 'new'}
            tenant={tenant}
            initial={editing.form}
            etag={editing.etag}
            knowledgeBases={knowledgeBases}
            onDone={() => { setEditing(null); refresh(); }}
          />
        </PageSection>
      )}
    </>
  );
}

function AssistantForm({ tenant, initial, etag, knowledgeBases, onDone }) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState(null);
  const isNew = etag === null;
  const set = (field) => (_e, value) => setForm((f) => ({ ...f, [field]: value }));
  const toggleKb = (kb, checked) =>
    setForm((f) => ({ ...f, knowledgeBases: checked ? [...f.knowledgeBases, kb] : f.knowledgeBases.filter((k) => k !== kb) }));

  const submit = async (e) => {
    e.preventDefault();
    const body = {
      id: form.id,
      name: form.name,
      instructions: form.instructions,
      knowledgeBases: form.knowledgeBases,
      retrievalMode: form.retrievalMode || null,
      topK: form.topK === '' ? null : Number(form.topK),
      model: form.model,
      tools: form.tools,
      mcpServers: form.mcpServers,
      shieldPolicy: form.shieldPolicy,
    };
    try {
      if (isNew) {
        await api.createAssistant(tenant, body);
      } else {
        await api.updateAssistant(tenant, form.id, body, etag);
      }
      onDone();
    } catch (err) {
      setError(err.message);
    }
  };

  return (
    <Card>
      <CardTitle component="h2">{isNew ? 'New assistant' : `Edit ${initial.name}`}</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          {error && <Alert variant="danger" isInline title={error} />}
          <FormGroup label="Id" isRequired fieldId="assistant-id">
            <TextInput id="assistant-id" isRequired isDisabled={!isNew} value={form.id} onChange={set('id')} />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>Letters, digits, '-' and '_'; it cannot change later.</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label="Name" isRequired fieldId="assistant-name">
            <TextInput id="assistant-name" isRequired value={form.name} onChange={set('name')} />
          </FormGroup>
          <FormGroup label="Instructions" fieldId="assistant-instructions">
            <TextArea id="assistant-instructions" value={form.instructions} onChange={set('instructions')} resizeOrientation="vertical" />
          </FormGroup>
          <FormGroup label="Knowledge bases" role="group" fieldId="assistant-kbs" isStack>
            {knowledgeBases.length === 0 && <Content component="p">Create a knowledge base first.</Content>}
            {knowledgeBases.map((kb) => (
              <Checkbox
                key={kb}
                id={`assistant-kb-${kb}`}
                label={kb}
                isChecked={form.knowledgeBases.includes(kb)}
                onChange={(_e, checked) => toggleKb(kb, checked)}
              />
            ))}
          </FormGroup>
          <FormGroup label="Retrieval" fieldId="assistant-mode">
            <FormSelect id="assistant-mode" value={form.retrievalMode} onChange={set('retrievalMode')}>
              <FormSelectOption value="" label="The configured default" />
              <FormSelectOption value="hybrid" label="Hybrid (words and meaning)" />
              <FormSelectOption value="bm25" label="Words (BM25)" />
              <FormSelectOption value="vector" label="Meaning (vectors)" />
            </FormSelect>
          </FormGroup>
          <FormGroup label="Passages per answer (top k)" fieldId="assistant-topk">
            <TextInput id="assistant-topk" type="number" min={1} max={100} value={form.topK} onChange={set('topK')} />
          </FormGroup>
          <ActionGroup>
            <Button type="submit">{isNew ? 'Create' : 'Save'}</Button>
            <Button variant="link" onClick={onDone}>Cancel</Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}
