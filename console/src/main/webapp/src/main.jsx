import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert, Bullseye, Spinner } from '@patternfly/react-core';
import '@patternfly/react-core/dist/styles/base.css';
import './console.css';
import { App } from './App.jsx';
import { signIn } from './auth.js';

/** The console once it knows who uses it: signed in through the issuer, or nobody when identity is off. */
function SignedIn() {
  const [identity, setIdentity] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    signIn().then(setIdentity, (e) => setError(e.message));
  }, []);
  if (error) {
    return <Alert variant="danger" title="Could not sign in">{error}</Alert>;
  }
  return identity ? <App identity={identity} /> : <Bullseye><Spinner aria-label="Signing in" /></Bullseye>;
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <SignedIn />
  </StrictMode>,
);
