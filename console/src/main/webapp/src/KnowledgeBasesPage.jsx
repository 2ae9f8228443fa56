import { useState } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Progress,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Td, Tr } from '@patternfly/react-table';
import { ListTable } from './ListTable.jsx';
import { api, upload } from './api.js';
import { useApiList } from './useApiList.js';

const STATUS_COLOR = { INDEXED: 'green', FAILED: 'red', RECEIVED: 'blue', CHUNKED: 'blue' };
const SETTLED = new Set(['INDEXED', 'FAILED']);

/** What a link into this page names after its '?': #/knowledge-bases?kb=handbook&document=leave.md. */
function linked() {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

export function KnowledgeBasesPage({ tenant }) {
  const { data: knowledgeBases, error, refresh } = useApiList(() => api.knowledgeBases(tenant), [tenant]);
  const [chosen, setSelected] = useState(() => linked().get('kb') ?? '');
  const selected = chosen || knowledgeBases[0]?.knowledgeBase || '';

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Knowledge bases</Title>
        <Content component="p">Upload files into a knowledge base and follow them until they are indexed.</Content>
      </PageSection>
      <PageSection>
        {error && <Alert variant="danger" isInline title={error} />}
        <Flex direction={{ default: 'column', lg: 'row' }} alignItems={{ lg: 'alignItemsFlexStart' }}>
          <Card>
            <CardTitle component="h2">Your knowledge bases</CardTitle>
            <CardBody>
              {knowledgeBases.length === 0 ? (
                <Content component="p">None yet: create one.</Content>
              ) : (
                <FormGroup label="Knowledge base" fieldId="kb-select">
                  <FormSelect id="kb-select" value={selected} onChange={(_e, v) => setSelected(v)}>
                    {knowledgeBases.map((kb) => (
                      <FormSelectOption
                        key={kb.knowledgeBase}
                        value={kb.knowledgeBase}
                        label={`${kb.displayName || kb.knowledgeBase} (${documentCount(kb.documents)})`}
                      />
                    ))}
                  </FormSelect>
                </FormGroup>
              )}
              {selected && (
                <DeleteKnowledgeBase tenant={tenant} knowledgeBase={knowledgeBases.find((kb) => kb.knowledgeBase === selected)}
                  onDeleted={() => { setSelected(''); refresh(); }} />
              )}
            </CardBody>
          </Card>
          <NewKnowledgeBase tenant={tenant} onCreated={(kb) => { setSelected(kb); refresh(); }} />
        </Flex>
      </PageSection>
      {selected && (
        <PageSection>
          <Documents key={selected} tenant={tenant} kb={selected} highlighted={linked().get('document')} onChange={refresh} />
        </PageSection>
      )}
    </>
  );
}

/** Deletes the chosen knowledge base with all its documents, from the store and the index, once confirmed. */
function DeleteKnowledgeBase({ tenant, knowledgeBase, onDeleted }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  if (!knowledgeBase) {
    return null;
  }
  const name = knowledgeBase.knowledgeBase;
  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteKnowledgeBase(tenant, name);
      setConfirming(false);
      onDeleted();
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="secondary" isDanger style={{ marginTop: 'var(--pf-t--global--spacer--md)' }}
        onClick={() => { setError(null); setConfirming(true); }}>
        Delete knowledge base {name}
      </Button>
      {confirming && (
        <Modal isOpen variant="small" onClose={() => setConfirming(false)} aria-labelledby="delete-kb-title">
          <ModalHeader title={`Delete ${name}?`} titleIconVariant="warning" labelId="delete-kb-title" />
          <ModalBody>
            Its {knowledgeBase.documents} documents and their chunks are deleted from the store and the index;
            assistants that use it find nothing in it any more.
            {error && <Alert variant="danger" isInline title={error} />}
          </ModalBody>
          <ModalFooter>
            <Button variant="danger" onClick={remove} isLoading={busy} isDisabled={busy}>Delete</Button>
            <Button variant="link" onClick={() => setConfirming(false)}>Cancel</Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
}

function NewKnowledgeBase({ tenant, onCreated }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    try {
      await api.createKnowledgeBase(tenant, { knowledgeBase: name, displayName: name });
      setError(null);
      setName('');
      onCreated(name);
    } catch (err) {
      setError(err.message);
    }
  };
  return (
    <Card>
      <CardTitle component="h2">New knowledge base</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          {error && <Alert variant="danger" isInline title={error} />}
          <FormGroup label="Name" isRequired fieldId="kb-name">
            <TextInput id="kb-name" isRequired value={name} onChange={(_e, v) => setName(v)} />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={!name}>Create</Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}

function Documents({ tenant, kb, highlighted, onChange }) {
  // Follow documents still on their way in until each is indexed or failed.
  const { data: documents, error, act } = useApiList(async () => (await api.documents(tenant, kb)).documents,
    [tenant, kb], { pollWhile: (list) => list.some((d) => !SETTLED.has(d.status)) });
  const [file, setFile] = useState(null);
  const [progress, setProgress] = useState(null);

  const submit = async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    setProgress(0);
    const uploaded = await act(() => upload(tenant, kb, file, setProgress));
    setProgress(null);
    if (uploaded) {
      setFile(null);
      form.reset();
      onChange();
    }
  };

  const remove = async (id) => {
    if (await act(() => api.deleteDocument(tenant, kb, id))) {
      onChange();
    }
  };

  return (
    <Card>
      <CardTitle component="h2">Documents of {kb}</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          {error && <Alert variant="danger" isInline title={error} />}
          <FormGroup label="File to upload" fieldId="upload-file">
            <input
              id="upload-file"
              type="file"
              className="pf-v6-c-form-control"
              onChange={(e) => setFile(e.target.files[0] ?? null)}
            />
          </FormGroup>
          {progress !== null && <Progress value={progress} title="Uploading" aria-label="Upload progress" />}
          <ActionGroup>
            <Button type="submit" isDisabled={!file || progress !== null}>Upload</Button>
          </ActionGroup>
        </Form>
        <ListTable label={`Documents of ${kb}`} caption={documentCount(documents.length)}
          columns={['Document', 'Status', 'Chunks', 'Updated']} actions>
          {documents.map((d) => (
            <Tr key={d.documentId} isRowSelected={d.documentId === highlighted} data-document={d.documentId}>
              <Td dataLabel="Document">{d.title || d.documentId}</Td>
              <Td dataLabel="Status">
                <Label color={STATUS_COLOR[d.status] ?? 'grey'}>{d.status.toLowerCase()}</Label>
                {d.failureReason && <div className="pf-v6-u-danger-color-100">{d.failureReason}</div>}
              </Td>
              <Td dataLabel="Chunks">{d.chunkCount}</Td>
              <Td dataLabel="Updated">{d.updatedAt ? new Date(d.updatedAt).toLocaleString() : ''}</Td>
              <Td dataLabel="Actions">
                <Button variant="secondary" isDanger aria-label={`Delete ${d.documentId}`} onClick={() => remove(d.documentId)}>
                  Delete
                </Button>
              </Td>
            </Tr>
          ))}
        </ListTable>
      </CardBody>
    </Card>
  );
}

function documentCount(n) {
  return `${n} ${n === 1 ? 'document' : 'documents'}`;
}
