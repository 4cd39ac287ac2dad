import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { parseConfig } from '@/app/config'
import { Root } from '@/app/root'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

createRoot(container).render(
  <StrictMode>
    <Root configResult={parseConfig(import.meta.env)} />
  </StrictMode>,
)
