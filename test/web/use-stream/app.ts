/**
 * A small chat page on `useStream` (@langchain/langgraph-sdk/react), as a LangGraph chat UI
 * would build it: the conversation from `stream.messages`, a question's options as buttons, a
 * text box that sends plain messages. Bundled by the test with esbuild; the thread id lives in
 * the address, so a reload rejoins the thread (and a run still going).
 */
import { useStream } from '@langchain/langgraph-sdk/react';
import { createElement as h, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

interface Interrupt {
  type: 'question' | 'confirm';
  text: string;
  options?: string[];
}

interface State {
  messages: { id?: string; type: string; content: unknown }[];
}

function text(content: unknown): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

function App() {
  const [threadId, setThreadId] = useState<string | null>(new URLSearchParams(window.location.search).get('thread'));
  const [draft, setDraft] = useState('');
  const stream = useStream<State, { InterruptType: Interrupt }>({
    apiUrl: window.location.origin,
    assistantId: 'audience-builder',
    messagesKey: 'messages',
    threadId,
    reconnectOnMount: true,
    fetchStateHistory: true,
    onThreadId: (id) => {
      setThreadId(id);
      window.history.replaceState(null, '', `?thread=${id}`);
    },
  });
  const modes = { streamMode: ['values', 'messages-tuple', 'custom'] as ('values' | 'messages-tuple' | 'custom')[], streamResumable: true };
  const say = (e: FormEvent) => {
    e.preventDefault();
    void stream.submit({ messages: [{ type: 'human', content: draft }] }, modes);
    setDraft('');
  };
  const answer = (resume: unknown) => void stream.submit(undefined, { ...modes, command: { resume } });
  const pending = stream.interrupt?.value;
  return h(
    'main',
    null,
    h('ol', { id: 'messages' }, stream.messages.map((m, i) => h('li', { key: m.id ?? i, className: m.type }, text(m.content)))),
    pending && !stream.isLoading
      ? h(
          'div',
          { id: 'interrupt' },
          ...(pending.options ?? []).map((o) => h('button', { key: o, className: 'option', onClick: () => answer(o) }, o)),
          pending.type === 'confirm' ? h('button', { id: 'apply', onClick: () => answer({ action: 'apply', name: 'From useStream' }) }, 'Apply') : null,
        )
      : null,
    h('form', { onSubmit: say }, h('input', { id: 'say', value: draft, onChange: (e: { target: { value: string } }) => setDraft(e.target.value) }), h('button', { id: 'send', type: 'submit' }, 'Send')),
    stream.isLoading ? h('button', { id: 'stop', onClick: () => void stream.stop() }, 'Stop') : null,
    h('p', { id: 'status' }, stream.isLoading ? 'busy' : 'idle'),
    h('p', { id: 'history' }, String(stream.history?.length ?? 0)),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
